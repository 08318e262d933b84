using System.Globalization;
using System.Text;
using System.Text.Json;
using Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Newsroom.Audit;

/// <summary>Writes the export batch by batch (keyset on seq), flushing as it goes: memory stays flat however long the log.</summary>
/// <remarks>Also the desk's audit export (same rows, same quoting).</remarks>
public sealed class AuditExport(string format, Func<long, CancellationToken, Task<IReadOnlyList<AuditEntry>>> batch) : IResult, IEndpointMetadataProvider
{
    /// <summary>The export's media types, beside the JSON page of the same 200.</summary>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["application/x-ndjson", "text/csv"]));

    public async Task ExecuteAsync(HttpContext http)
    {
        var csv = format == "csv";
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit.{format}\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024);
        if (csv) await writer.WriteAsync("seq,articleId,version,type,actorId,actorName,at,summary,correlationId\n");

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
        Infrastructure.Iso8601.Utc(i.At), Csv(i.Summary), Csv(i.CorrelationId ?? "")) + "\n";

    // RFC 4180 quoting; a leading =, +, -, @, tab or carriage return is prefixed with ' so spreadsheets do not run it as a formula.
    private static string Csv(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
