using Marten;
using Newsroom.Articles.Reading;

namespace Newsroom.Public;

/// <summary>
/// What the public side shows — published articles that are not withdrawn, newest first by first publication —
/// for the JSON list, the feeds, the reader's pages and the sitemaps alike. An article is in the read model only
/// from its publication on (scheduled and embargoed ones are not there yet), so nothing here knows about schedules.
/// </summary>
public static class PublicQueries
{
    public static IQueryable<PublishedArticle> Visible(IQuerySession session) =>
        session.Query<PublishedArticle>().Where(a => a.PublishedAt != null && !a.Withdrawn);

    /// <summary>Newest first: publication time, then id (the order of the public keyset cursor).</summary>
    public static IOrderedQueryable<PublishedArticle> NewestFirst(this IQueryable<PublishedArticle> query) =>
        query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    /// <summary>The newest, optionally of one desk or tag, after a keyset cursor (ask one row more to learn whether another page exists).</summary>
    public static async Task<IReadOnlyList<PublishedArticle>> NewestAsync(IQuerySession session, string? desk, string? tag,
        Cursor? after, int limit, CancellationToken ct)
    {
        var query = Visible(session);
        if (desk is not null) query = query.Where(a => a.Desk == desk);
        if (tag is not null) query = query.Where(a => a.Tags.Contains(tag));
        if (after is { } cursor)
            query = query.Where(a => a.PublishedAt < cursor.At || (a.PublishedAt == cursor.At && a.Id < cursor.Id));
        return await query.NewestFirst().Take(limit).ToListAsync(ct);
    }

    /// <summary>Published since <paramref name="since"/>, newest first (the news sitemap's window).</summary>
    public static async Task<IReadOnlyList<PublishedArticle>> PublishedSinceAsync(IQuerySession session, DateTimeOffset since,
        int limit, CancellationToken ct) =>
        await Visible(session).Where(a => a.PublishedAt >= since).NewestFirst().Take(limit).ToListAsync(ct);
}
