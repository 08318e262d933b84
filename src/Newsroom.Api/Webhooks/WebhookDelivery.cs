using Newsroom.Infrastructure;

namespace Newsroom.Webhooks;

/// <summary>The delivery log: every attempt at one event for one subscriber, and how it ended.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public string Subscriber { get; set; } = "";
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public Guid ArticleId { get; set; }
    public string Url { get; set; } = "";
    /// <summary><c>pending</c> (retrying), <c>delivered</c> or <c>failed</c> (gave up after the last attempt).</summary>
    public string Outcome { get; set; } = "pending";
    /// <summary>When the first attempt was made: the log's stable order (LastAttemptAt moves with retries).</summary>
    public DateTimeOffset FirstAttemptAt { get; set; }
    public DateTimeOffset LastAttemptAt { get; set; }
    public List<DeliveryAttempt> Attempts { get; set; } = [];

    public static Guid IdFor(string subscriber, Guid eventId) => StableGuid.From($"webhook:{subscriber}:{eventId}");
}

public sealed record DeliveryAttempt(int Number, DateTimeOffset At, int? StatusCode, string? Error, long DurationMs);
