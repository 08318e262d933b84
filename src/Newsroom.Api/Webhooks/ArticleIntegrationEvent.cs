namespace Newsroom.Webhooks;

/// <summary>
/// What the outside world is told about an article: published, corrected, withdrawn. One message per
/// such event, sent through Wolverine's outbox in the transaction that appended the event, so a message is
/// sent if and only if the event was committed.
/// </summary>
public sealed record ArticleIntegrationEvent(
    Guid EventId,
    string Type,
    DateTimeOffset OccurredAt,
    IntegrationArticle Article,
    string? Note = null,
    string? Reason = null)
{
    public const string Published = "article.published";
    public const string Corrected = "article.corrected";
    public const string Withdrawn = "article.withdrawn";
}
