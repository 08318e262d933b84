using Marten;
using Newsroom.Articles;
using Newsroom.Audit;

namespace Newsroom.Desk;

/// <summary>The audit log's filters as the desk offers them, and the query they make.</summary>
public sealed record AuditFilters(string? Actor, string? Desk, string? Type, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>Every event type's wire name (<c>article_created</c>, …), for the Type filter.</summary>
    public static IReadOnlyList<string> Types { get; } = typeof(IArticleEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IArticleEvent).IsAssignableFrom(t))
        .Select(t => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(t.Name)).Order().ToList();

    /// <summary>Entries after <paramref name="afterSeq"/>, oldest first. The desk filter means the article's desk now.</summary>
    public IQueryable<AuditEntry> Query(IQuerySession session, long afterSeq = 0)
    {
        var q = session.Query<AuditEntry>().Where(e => e.Seq > afterSeq);
        if (Actor is { Length: > 0 } actor) q = q.Where(e => e.ActorId == actor);
        if (Type is { Length: > 0 } type) q = q.Where(e => e.Type == type);
        if (From is { } from) q = q.Where(e => e.At >= from);
        if (To is { } to) q = q.Where(e => e.At <= to);
        if (Desk is { Length: > 0 } desk)
        {
            var ids = session.Query<Article>().Where(a => a.Desk == desk).Select(a => a.Id).ToList();
            q = q.Where(e => ids.Contains(e.ArticleId));
        }
        return q;
    }

    public static AuditFilters Parse(IQueryCollection query)
    {
        static string? Text(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        // datetime-local fields carry no zone: the desk labels them UTC.
        static DateTimeOffset? Time(string? v) => DateTime.TryParse(v, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
        return new AuditFilters(Text(query["actor"]), Text(query["desk"]), Text(query["type"]), Time(query["from"]), Time(query["to"]));
    }
}
