using Marten;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;

namespace Newsroom.Public;

public static class PublicLookup
{
    public static async Task<PublishedArticle?> BySlugAsync(IQuerySession session, string slug, CancellationToken ct) =>
        slug.Length > 200 ? null : await session.Query<PublishedArticle>()
            .Where(a => a.Slug == slug && a.PublishedAt != null)
            .FirstOrDefaultAsync(ct);

    public static Problem Unknown(string slug) => Problem.NotFound($"No published article has the slug '{slug}'.");

    /// <summary>410 for a withdrawn article, cacheable under the article's key: it stays true until purged with the rest of its answers.</summary>
    public static GoneProblem Gone(HttpContext http, PublishedArticle article)
    {
        PublicCaching.Cacheable(http, SurrogateKeys.Article(article.Id));
        return new GoneProblem(new Problem(410, ErrorCodes.Withdrawn, "This article has been withdrawn."));
    }
}
