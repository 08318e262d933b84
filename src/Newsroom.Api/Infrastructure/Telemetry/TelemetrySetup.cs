using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Newsroom.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry for traces, metrics and logs, from the instrumentation the parts already emit: ASP.NET Core
/// (requests, rate-limit rejections), HttpClient (webhook deliveries), Wolverine (messages, handler failures),
/// Marten (sessions, the async daemon), Npgsql (every command) and the runtime, plus Newsroom's own meter
/// (<see cref="NewsroomMetrics"/>). Exported over OTLP when an endpoint is configured (the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or <c>Telemetry:OtlpEndpoint</c>; traces only then, unless
/// <c>Telemetry:Traces</c> says otherwise), and scraped by Prometheus at <c>/metrics</c> unless
/// <c>Telemetry:Prometheus</c> is false.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "newsroom";

    public static WebApplicationBuilder AddNewsroomTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = configuration["Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

        var prometheus = configuration.GetValue("Telemetry:Prometheus", true);
        builder.Services.AddSingleton<NewsroomMetrics>();
        // The gauges query the database every few seconds: only when something reads them.
        if (prometheus || !string.IsNullOrWhiteSpace(otlp)) builder.Services.AddHostedService<StorageGauges>();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true; // the correlation id of the request is a scope (CorrelationIds)
            logging.IncludeFormattedMessage = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId));
        // Spans cost CPU on every request and SQL command even when nobody collects them: traced only when they go
        // somewhere (an OTLP endpoint), or when Telemetry:Traces says so.
        if (configuration.GetValue("Telemetry:Traces", !string.IsNullOrWhiteSpace(otlp)))
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddSource("Wolverine", "Marten", "Npgsql"));
        telemetry.WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Wolverine:*", "Marten", "Npgsql", NewsroomMetrics.MeterName);
                if (prometheus) metrics.AddPrometheusExporter();
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            builder.Services.Configure<OpenTelemetry.Exporter.OtlpExporterOptions>(o => o.Endpoint = new Uri(otlp));
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    public static WebApplication MapNewsroomTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue("Telemetry:Prometheus", true))
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().ExcludeFromDescription(); // Prometheus text, not an API operation
        return app;
    }
}
