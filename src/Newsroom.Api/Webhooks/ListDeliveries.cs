using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Reading;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Webhooks;

public sealed record DeliveryResponse(Guid Id, string Subscriber, string Url, Guid EventId, string EventType, Guid ArticleId,
    string Outcome, int AttemptCount, DateTimeOffset FirstAttemptAt, DateTimeOffset LastAttemptAt, IReadOnlyList<DeliveryAttempt> Attempts);

public static class ListDeliveriesEndpoint
{
    /// <summary>The outbox's deliveries per subscriber, newest first (by first attempt): attempts, status codes, outcome.</summary>
    [WolverineGet("/api/webhooks/deliveries", Name = "ListWebhookDeliveries")]
    [Authorize(Roles = Roles.Admin)]
    [Tags("Webhooks")]
    public static async Task<Results<Ok<Page<DeliveryResponse>>, BadRequestProblem>> Get(IQuerySession session, HttpContext http, [FromQuery] string? subscriber,
        [FromQuery, ParameterSchema("string", Enum = ["pending", "delivered", "failed"])] string? outcome,
        [FromQuery, ParameterSchema("string", Format = "uuid", Description = "The webhook event's id (its dedupe id).")] string? eventId,
        [FromQuery, ParameterSchema("string", Format = "uuid")] string? articleId,
        [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, cursor, errors);
        if (outcome is not null && outcome is not ("pending" or "delivered" or "failed"))
            errors["outcome"] = ["outcome is pending, delivered or failed."];
        Guid? byEvent = null, byArticle = null;
        if (eventId is not null) { if (Guid.TryParse(eventId, out var g)) byEvent = g; else errors["eventId"] = ["eventId is a GUID."]; }
        if (articleId is not null) { if (Guid.TryParse(articleId, out var g)) byArticle = g; else errors["articleId"] = ["articleId is a GUID."]; }
        if (errors.Count > 0) return new BadRequestProblem(Problem.Validation(errors));

        var query = session.Query<WebhookDelivery>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(subscriber)) query = query.Where(d => d.Subscriber == subscriber);
        if (outcome is not null) query = query.Where(d => d.Outcome == outcome);
        if (byEvent is { } e) query = query.Where(d => d.EventId == e);
        if (byArticle is { } a) query = query.Where(d => d.ArticleId == a);
        if (page.After is { } after)
            query = query.Where(d => d.FirstAttemptAt < after.At || (d.FirstAttemptAt == after.At && d.Id < after.Id));

        var rows = await query.OrderByDescending(d => d.FirstAttemptAt).ThenByDescending(d => d.Id)
            .Take(page.Limit + 1).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(page.ToPage(rows, d => new Cursor(d.FirstAttemptAt, d.Id), d => new DeliveryResponse(
            d.Id, d.Subscriber, d.Url, d.EventId, d.EventType, d.ArticleId, d.Outcome, d.Attempts.Count, d.FirstAttemptAt,
            d.LastAttemptAt, d.Attempts)));
    }
}
