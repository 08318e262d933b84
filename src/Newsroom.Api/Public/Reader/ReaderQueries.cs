using Marten;
using Newsroom.Articles.Reading;

namespace Newsroom.Public.Reader;

/// <summary>
/// What reader lists show: published articles that are not withdrawn, newest first by first publication. An
/// article is in the read model only from its publication on (scheduled and embargoed ones are not there yet),
/// so nothing here needs to know about schedules.
/// </summary>
public static class ReaderQueries
{
    public const int PageSize = 20;

    /// <summary>One page of the newest, optionally of one desk or tag, after a keyset cursor; one row more says another page exists.</summary>
    public static async Task<IReadOnlyList<PublishedArticle>> NewestAsync(IQuerySession session, string? desk, string? tag,
        Cursor? after, int limit, CancellationToken ct)
    {
        var query = Visible(session);
        if (desk is not null) query = query.Where(a => a.Desk == desk);
        if (tag is not null) query = query.Where(a => a.Tags.Contains(tag));
        if (after is { } cursor)
            query = query.Where(a => a.PublishedAt < cursor.At || (a.PublishedAt == cursor.At && a.Id < cursor.Id));
        return await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(limit).ToListAsync(ct);
    }

    /// <summary>Published since <paramref name="since"/>, newest first (the news sitemap's window).</summary>
    public static async Task<IReadOnlyList<PublishedArticle>> PublishedSinceAsync(IQuerySession session, DateTimeOffset since,
        int limit, CancellationToken ct) =>
        await Visible(session).Where(a => a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(limit).ToListAsync(ct);

    private static IQueryable<PublishedArticle> Visible(IQuerySession session) =>
        session.Query<PublishedArticle>().Where(a => a.PublishedAt != null && !a.Withdrawn);
}
