using Newsroom.Articles;

namespace Newsroom.Audit;

public sealed record AuditItem(long Seq, Guid ArticleId, int Version, string Type, Actor Actor, DateTimeOffset At, string Summary,
    string? CorrelationId)
{
    public static AuditItem From(AuditEntry e) => new(e.Seq, e.ArticleId, e.Version, e.Type, e.Actor, e.At, e.Summary, e.CorrelationId);
}
