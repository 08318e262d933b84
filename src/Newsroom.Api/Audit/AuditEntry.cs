using Newsroom.Articles;

namespace Newsroom.Audit;

/// <summary>One line of the global who-did-what: one per event, across all articles.</summary>
public sealed class AuditEntry
{
    /// <summary>The event's id in the store.</summary>
    public Guid Id { get; set; }
    /// <summary>The event's global sequence number: the log's order and its cursor.</summary>
    public long Seq { get; set; }
    public Guid ArticleId { get; set; }
    public int Version { get; set; }
    public string Type { get; set; } = "";
    public Actor Actor { get; set; } = null!;
    public string ActorId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>The request's correlation id (X-Correlation-Id, else its trace id); null for events written outside a request.</summary>
    public string? CorrelationId { get; set; }
}
