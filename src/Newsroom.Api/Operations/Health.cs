using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsroom.Infrastructure.Http;

namespace Newsroom.Operations;

public static class Health
{
    public static IServiceCollection AddNewsroomHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapNewsroomHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = c => c.Tags.Contains("live"), ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    // Healthy: a small JSON report. Unhealthy: a 503 ProblemDetails like every other error, naming the failed checks.
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy)
        {
            var failed = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy)
                .Select(e => $"{e.Key}: {e.Value.Description}");
            return ProblemDetailsSetup.WriteAsync(http, new Problem(503, ErrorCodes.Unavailable,
                "Not ready: " + string.Join("; ", failed)));
        }

        http.Response.ContentType = "application/json";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description })
        });
    }

    /// <summary>Ready means the event store answers a query.</summary>
    private sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var session = store.QuerySession();
                await session.QueryAsync<int>("select 1", ct);
                return HealthCheckResult.Healthy("The database answers.");
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", e);
            }
        }
    }
}
