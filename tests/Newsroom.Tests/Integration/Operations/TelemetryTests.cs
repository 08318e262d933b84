using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Newsroom.Tests.Integration.Operations;

/// <summary>The Prometheus scrape at /metrics: the framework's instruments and Newsroom's own.</summary>
public class the_metrics_endpoint(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<string> ScrapeAsync()
    {
        var reply = await Api.Get("/metrics", null);
        reply.Status.ShouldBe(HttpStatusCode.OK);
        return reply.Text;
    }

    private static double Sample(string scrape, string name, params (string Label, string Value)[] labels)
    {
        foreach (var line in scrape.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal)))
            if (labels.All(l => line.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
                return double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return double.NaN;
    }

    [Fact]
    public async Task counts_commands_by_name_and_outcome()
    {
        var before = await ScrapeAsync();
        await Api.Draft();
        (await Api.Post("/api/articles", Users.Alice, Api.CompleteDraft(desk: "politics"))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        // Counters are cumulative over the host's life, and the exporter caches a scrape briefly: compare with before.
        double Count(string scrape, string outcome) =>
            Sample(scrape, "newsroom_commands_total", ("command", "CreateArticle"), ("outcome", outcome)) is var n && double.IsNaN(n) ? 0 : n;
        var after = await Eventually.Get(ScrapeAsync, s => Count(s, "forbidden") > Count(before, "forbidden"), what: "the refused create in the scrape");
        var lines = string.Join('\n', after.Split('\n').Where(l => l.StartsWith("newsroom_commands", StringComparison.Ordinal)));
        (Count(after, "accepted") - Count(before, "accepted")).ShouldBe(1, lines);
        (Count(after, "forbidden") - Count(before, "forbidden")).ShouldBe(1, lines);
    }

    [Fact]
    public async Task shows_projection_lag_message_depth_and_the_frameworks_instruments()
    {
        await Api.Published();
        await ProjectionsCaughtUp();

        var scrape = await Eventually.Get(ScrapeAsync, s => s.Contains("newsroom_projection_lag") && s.Contains("newsroom_messages_waiting"),
            TimeSpan.FromSeconds(20), "the storage gauges' first sample");
        Regex.IsMatch(scrape, "newsroom_projection_lag\\{[^}]*projection=\"PublishedArticle[^\"]*\"").ShouldBeTrue(scrape[..Math.Min(2000, scrape.Length)]);
        Sample(scrape, "newsroom_messages_waiting", ("kind", "scheduled")).ShouldBeGreaterThanOrEqualTo(0);
        scrape.ShouldContain("http_server_request_duration_seconds_bucket");   // ASP.NET Core
        scrape.ShouldContain("aspnetcore_rate_limiting_requests_total");       // the rate limiter's decisions
        scrape.ShouldContain("wolverine_");                                    // Wolverine's messages
        scrape.ShouldContain("db_client_");                                    // Npgsql's commands and connections
    }
}

/// <summary>One trace from the request through Marten and Npgsql to the messages it sends, with the correlation id on the request's span.</summary>
public class a_traced_request
{
    [Fact]
    public async Task spans_http_storage_and_messages_and_carries_the_correlation_id()
    {
        var spans = new List<Activity>();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await AppFixture.StartHostAsync(receiver, builder => builder
            .UseSetting("Telemetry:Traces", "true")
            .ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))));
        var api = new Api(host);

        var approved = await api.Approved();
        var publish = await api.Send(HttpMethod.Post, $"/api/articles/{approved.Id()}/publish", Users.Paul,
            new { version = approved.Version() }, headers: new Dictionary<string, string> { ["X-Correlation-Id"] = "trace-me-42" });
        publish.Status.ShouldBe(HttpStatusCode.OK, publish.Text);

        Activity Server() { lock (spans) return spans.Single(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("newsroom.correlation_id"), "trace-me-42")); }
        await Eventually.True(() => { lock (spans) return spans.Any(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("newsroom.correlation_id"), "trace-me-42")); },
            what: "the publish request's span");
        var trace = Server().TraceId;

        // The webhook deliveries the publication sends run later, on Wolverine's queues, in the same trace.
        await Eventually.True(() => { lock (spans) return spans.Any(s => s.TraceId == trace && s.Source.Name == "Wolverine"); },
            TimeSpan.FromSeconds(20), "a Wolverine span in the publication's trace");
        lock (spans)
        {
            var inTrace = spans.Where(s => s.TraceId == trace).Select(s => s.Source.Name).ToHashSet();
            inTrace.ShouldContain("Npgsql");
            inTrace.ShouldContain("Wolverine");
        }
    }
}
