using System.Globalization;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Newsroom.Articles.Reading;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Audit;

public sealed record AuditItem(long Seq, Guid ArticleId, int Version, string Type, Actor Actor, DateTimeOffset At, string Summary)
{
    public static AuditItem From(AuditEntry e) => new(e.Seq, e.ArticleId, e.Version, e.Type, e.Actor, e.At, e.Summary);
}

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
    [ProducesResponseType<Page<AuditItem>>(StatusCodes.Status200OK)]
    [Produces("application/json", "application/x-ndjson", "text/csv")]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http,
        [FromQuery] string? actor, [FromQuery] string? articleId, [FromQuery] string? type,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? format,
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
        if (errors.Count > 0) return Problem.Validation(errors).ToResult(http);

        IQueryable<AuditEntry> Query(long afterSeq)
        {
            var q = session.Query<AuditEntry>().Where(e => e.Seq > afterSeq);
            if (!string.IsNullOrWhiteSpace(actor)) q = q.Where(e => e.ActorId == actor);
            if (article is { } a) q = q.Where(e => e.ArticleId == a);
            if (!string.IsNullOrWhiteSpace(type)) q = q.Where(e => e.Type == type);
            if (since is { } s) q = q.Where(e => e.At >= s);
            if (until is { } u) q = q.Where(e => e.At <= u);
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

    /// <summary>Writes the export batch by batch (keyset on seq), flushing as it goes: memory stays flat however long the log.</summary>
    /// <remarks>Also the desk's audit export (same rows, same quoting).</remarks>
    public sealed class AuditExport(string format, Func<long, CancellationToken, Task<IReadOnlyList<AuditEntry>>> batch) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var csv = format == "csv";
            http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit.{format}\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024);
            if (csv) await writer.WriteAsync("seq,articleId,version,type,actorId,actorName,at,summary\n");

            long after = 0;
            while (true)
            {
                var rows = await batch(after, http.RequestAborted);
                foreach (var row in rows)
                {
                    var item = AuditItem.From(row);
                    await writer.WriteAsync(csv ? CsvLine(item) : JsonSerializer.Serialize(item, JsonSetup.Options) + "\n");
                }
                await writer.FlushAsync(http.RequestAborted);
                if (rows.Count == 0) break;
                after = rows[^1].Seq;
            }
        }

        private static string CsvLine(AuditItem i) => string.Join(',',
            i.Seq.ToString(CultureInfo.InvariantCulture), i.ArticleId.ToString(), i.Version.ToString(CultureInfo.InvariantCulture),
            Csv(i.Type), Csv(i.Actor.Id), Csv(i.Actor.Name),
            Infrastructure.Iso8601.Utc(i.At), Csv(i.Summary)) + "\n";

        // RFC 4180 quoting; a leading =, +, -, @, tab or carriage return is prefixed with ' so spreadsheets do not run it as a formula.
        private static string Csv(string value)
        {
            if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
            return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }
    }
}
