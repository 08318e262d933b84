using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Newsroom.Public;
using Wolverine;

namespace Newsroom.Webhooks;

/// <summary>One subscriber's copy of one integration event: delivered and retried on its own.</summary>
public sealed record DeliverWebhook(string Subscriber, ArticleIntegrationEvent Event);

public static class DeliverWebhookHandler
{
    public const string SignatureHeader = "X-Newsroom-Signature";
    public const string TimestampHeader = "X-Newsroom-Timestamp";
    public const string EventIdHeader = "X-Newsroom-Event-Id";
    public const string EventTypeHeader = "X-Newsroom-Event-Type";

    public static async Task Handle(DeliverWebhook message, Envelope envelope, WebhookOptions options, PublicSite site,
        IHttpClientFactory clients, IDocumentStore store, TimeProvider clock, ILogger<DeliverWebhook> logger, CancellationToken ct)
    {
        var subscriber = options.Find(message.Subscriber);
        if (subscriber is null)
        {
            logger.LogWarning("Webhook subscriber {Subscriber} is no longer configured; dropping event {EventId}", message.Subscriber, message.Event.EventId);
            return;
        }

        var payload = JsonSerializer.SerializeToNode(Payload(message.Event, site, envelope.TenantId), Infrastructure.Http.JsonSetup.Options)!.AsObject();
        // With several publications the subscriber is told whose article it is (the sites' URLs say it too).
        if (site.Publications.Several) payload.Insert(1, "publication", envelope.TenantId);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Infrastructure.Http.JsonSetup.Options);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(EventIdHeader, message.Event.EventId.ToString());
        request.Headers.Add(EventTypeHeader, message.Event.Type);
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(subscriber.Secret, timestamp, body));

        var attempt = Math.Max(1, envelope.Attempts);
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            var client = clients.CreateClient(nameof(DeliverWebhookHandler));
            client.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
            using var response = await client.SendAsync(request, ct);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status}";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Unreachable host, timeout, TLS failure, refused connection...: a failed attempt, logged and retried.
            error = $"{e.GetType().Name}: {e.Message}";
        }

        var delivered = error is null;
        var lastChance = attempt >= options.MaxAttempts;
        await RecordAsync(store, envelope.TenantId, message, subscriber, new DeliveryAttempt(attempt, clock.GetUtcNow(), status, error, watch.ElapsedMilliseconds),
            delivered ? "delivered" : lastChance ? "failed" : "pending", ct);

        if (!delivered && !lastChance)
            throw new WebhookDeliveryFailed($"Delivery of {message.Event.EventId} to {subscriber.Name} failed (attempt {attempt}): {error}");
        if (!delivered)
            logger.LogError("Gave up delivering {EventId} to {Subscriber} after {Attempts} attempts: {Error}",
                message.Event.EventId, subscriber.Name, attempt, error);
    }

    /// <summary>
    /// HMAC-SHA256 over "{timestamp}.{body}" with the subscriber's secret, hex-encoded. The timestamp is in
    /// the signed text so a captured request cannot be replayed later with a fresh timestamp.
    /// </summary>
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed, timestamp.Length + 1);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <param name="publication">The tenant the event's message carries (several publications), else null.</param>
    public static object Payload(ArticleIntegrationEvent e, PublicSite site, string? publication = null) => new
    {
        id = e.EventId,
        type = e.Type,
        occurredAt = e.OccurredAt,
        article = new
        {
            id = e.Article.Id,
            slug = e.Article.Slug,
            headline = e.Article.Headline,
            desk = e.Article.Desk,
            revision = e.Article.Revision,
            url = new Uri(site.BaseFor(null, site.Publications.Several ? publication : null), e.Article.Path.TrimStart('/')).ToString()
        },
        note = e.Note,
        reason = e.Reason,
        // What a CDN in front of the public site should purge now (the Surrogate-Key / Cache-Tag of those answers).
        purgeKeys = SurrogateKeys.ChangedBy(e.Article.Id)
    };

    private static async Task RecordAsync(IDocumentStore store, string? publication, DeliverWebhook message, WebhookSubscriber subscriber,
        DeliveryAttempt attempt, string outcome, CancellationToken ct)
    {
        // Recorded in the publication's database, beside its articles.
        await using var session = store.LightweightSession(Infrastructure.Tenancy.Publications.TenantOf(publication));
        var id = WebhookDelivery.IdFor(subscriber.Name, message.Event.EventId);
        var delivery = await session.LoadAsync<WebhookDelivery>(id, ct) ?? new WebhookDelivery
        {
            Id = id,
            Subscriber = subscriber.Name,
            EventId = message.Event.EventId,
            EventType = message.Event.Type,
            ArticleId = message.Event.Article.Id,
            Url = subscriber.Url,
            FirstAttemptAt = attempt.At
        };
        // A redelivered message can repeat an attempt number; keep one entry per attempt.
        delivery.Attempts.RemoveAll(a => a.Number == attempt.Number);
        delivery.Attempts.Add(attempt);
        delivery.Attempts.Sort((a, b) => a.Number.CompareTo(b.Number));
        if (delivery.Outcome != "delivered") delivery.Outcome = outcome;
        delivery.LastAttemptAt = attempt.At;
        session.Store(delivery);
        await session.SaveChangesAsync(ct);
    }
}
