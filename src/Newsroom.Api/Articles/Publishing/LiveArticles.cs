using Marten;

namespace Newsroom.Articles.Publishing;

public static class LiveArticles
{
    /// <summary>
    /// Live = published or withdrawn: the slug is (or was) its public URL, and a withdrawn article's URL goes
    /// on answering 410 rather than showing another story (ADR 0011).
    /// </summary>
    public static Task<bool> SlugTakenByAnotherAsync(IQuerySession session, Article article, CancellationToken ct) =>
        session.Query<Article>().AnyAsync(a => a.LiveSlug == article.Slug && a.Id != article.Id, ct);
}
