using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Reading;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Audit;

public static class GetAuditEndpoint
{
    private const int ExportBatch = 1000;

    /// <summary>
    /// The audit log, oldest first, filtered by actor, article, event type and time; paged with a cursor, or
    /// exported whole as NDJSON or CSV (<c>format=</c>), streamed in batches rather than buffered.
    /// </summary>
    [WolverineGet("/api/audit", Name = "GetAudit")]
    [Authorize(Roles = Roles.Auditors)]
    [Tags("Audit")]
    public static async Task<Results<Ok<Page<AuditItem>>, AuditExport, BadRequestProblem>> Get(IQuerySession session, HttpContext http,
        [FromQuery, ParameterSchema("string", Description = "The id of who acted.", Example = "alice")] string? actor,
        [FromQuery, ParameterSchema("string", Format = "uuid")] string? articleId,
        [FromQuery, ParameterSchema("string", Description = "An event type in snake_case, e.g. article_published.", Example = "article_published")] string? type,
        [FromQuery, ParameterSchema("string", Format = "date-time", Description = "From this time on (ISO 8601).")] string? from,
        [FromQuery, ParameterSchema("string", Format = "date-time", Description = "Up to this time (ISO 8601).")] string? to,
        [FromQuery, ParameterSchema("string", Enum = ["json", "ndjson", "csv"], Description = "json pages (default); ndjson or csv export everything that matches.")] string? format,
        [FromQuery, ParameterSchema("string", Description = "The correlation id of the request that wrote the events (its X-Correlation-Id, else its trace id).", Example = "import-2026-11-28-0007")] string? correlationId,
        [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var errors = new Dictionary<string, string[]>();
        Guid? article = null;
        if (articleId is not null) { if (Guid.TryParse(articleId, out var g)) article = g; else errors["articleId"] = ["articleId is a GUID."]; }
        var since = Time(from, "from", errors);
        var until = Time(to, "to", errors);
        if (format is not null && format is not ("json" or "ndjson" or "csv")) errors["format"] = ["format is json, ndjson or csv."];
        var size = PageRequest.Parse(limit, null, errors).Limit;
        long after = 0;
        if (cursor is not null && !(long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after >= 0))
            errors["cursor"] = ["The cursor is not one this service issued."];
        if (errors.Count > 0) return new BadRequestProblem(Problem.Validation(errors));

        IQueryable<AuditEntry> Query(long afterSeq)
        {
            var q = session.Query<AuditEntry>().Where(e => e.Seq > afterSeq);
            if (!string.IsNullOrWhiteSpace(actor)) q = q.Where(e => e.ActorId == actor);
            if (article is { } a) q = q.Where(e => e.ArticleId == a);
            if (!string.IsNullOrWhiteSpace(type)) q = q.Where(e => e.Type == type);
            if (since is { } s) q = q.Where(e => e.At >= s);
            if (until is { } u) q = q.Where(e => e.At <= u);
            if (!string.IsNullOrWhiteSpace(correlationId)) q = q.Where(e => e.CorrelationId == correlationId);
            return q.OrderBy(e => e.Seq);
        }

        if (format is "ndjson" or "csv")
            return new AuditExport(format, async (afterSeq, ct) => await Query(afterSeq).Take(ExportBatch).ToListAsync(ct));

        var rows = await Query(after).Take(size + 1).ToListAsync(http.RequestAborted);
        var items = rows.Take(size).Select(AuditItem.From).ToList();
        var next = rows.Count > size ? items[^1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new Page<AuditItem>(items, next));
    }

    private static DateTimeOffset? Time(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value.Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            return t.ToUniversalTime();
        errors[name] = [$"{name} is an ISO 8601 time such as 2026-07-27T09:00:00Z."];
        return null;
    }

}
