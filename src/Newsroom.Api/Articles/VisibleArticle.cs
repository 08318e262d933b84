using Marten;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Articles;

public static class VisibleArticle
{
    /// <summary>The article if it exists and the caller may see its desk; otherwise null (answered as 404).</summary>
    public static async Task<Article?> LoadAsync(IQuerySession session, HttpContext http, Guid id)
    {
        var article = await session.LoadAsync<Article>(id, http.RequestAborted);
        return article is not null && Allows(http, article.Desk) ? article : null;
    }

    /// <summary>Whether the caller may see articles of this desk.</summary>
    public static bool Allows(HttpContext http, string desk) => CurrentUser.From(http.User).CanSee(desk);
}
