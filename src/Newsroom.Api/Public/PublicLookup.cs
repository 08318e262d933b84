using Marten;
using Newsroom.Infrastructure.Http;

namespace Newsroom.Public;

public static class PublicLookup
{
    public static async Task<PublishedArticle?> BySlugAsync(IQuerySession session, string slug, CancellationToken ct) =>
        slug.Length > 200 ? null : await session.Query<PublishedArticle>()
            .Where(a => a.Slug == slug && a.PublishedAt != null)
            .FirstOrDefaultAsync(ct);

    public static Problem Unknown(string slug) => Problem.NotFound($"No published article has the slug '{slug}'.");

    public static readonly Problem WithdrawnProblem = new(410, ErrorCodes.Withdrawn, "This article has been withdrawn.");
}
