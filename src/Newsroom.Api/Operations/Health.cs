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
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<ProjectionsHealthCheck>("projections", tags: ["ready"]);
        services.AddSingleton<ProjectionsHealthCheck>();
        return services;
    }

    public static WebApplication MapNewsroomHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = c => c.Tags.Contains("live"), ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    // Healthy: a small JSON report. Unhealthy: a 503 ProblemDetails (with Retry-After) like every other outage, naming the failed checks.
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy)
        {
            var failed = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy)
                .Select(e => $"{e.Key}: {e.Value.Description}");
            return ProblemDetailsSetup.WriteUnavailableAsync(http, "Not ready: " + string.Join("; ", failed));
        }

        http.Response.ContentType = "application/json";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description })
        });
    }

    /// <summary>
    /// The async projections are running when each is caught up with the event store, or is behind but has
    /// moved within the last <see cref="StallAfter"/>. A projection that is behind and has not moved for that
    /// long is stalled (paused, failing, or no node runs it): not ready.
    /// </summary>
    public sealed class ProjectionsHealthCheck(IDocumentStore store, TimeProvider clock) : IHealthCheck
    {
        public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(60);
        private readonly Dictionary<string, (long Sequence, DateTimeOffset Since)> _lastSeen = new();
        private readonly Lock _gate = new();

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var statistics = await store.Advanced.FetchEventStoreStatistics(token: ct);
                var progress = await store.Advanced.AllProjectionProgress(token: ct);
                var head = statistics.EventSequenceNumber;
                var now = clock.GetUtcNow();
                var stalled = new List<string>();
                var lags = new List<string>();
                lock (_gate)
                {
                    foreach (var shard in progress.Where(p => !p.ShardName.StartsWith("HighWaterMark", StringComparison.Ordinal)))
                    {
                        var behind = Math.Max(0, head - shard.Sequence);
                        lags.Add($"{shard.ShardName} {behind} behind");
                        if (!_lastSeen.TryGetValue(shard.ShardName, out var seen) || seen.Sequence != shard.Sequence)
                            _lastSeen[shard.ShardName] = seen = (shard.Sequence, now);
                        if (behind > 0 && now - seen.Since > StallAfter) stalled.Add(shard.ShardName);
                    }
                }
                var description = lags.Count == 0 ? "No async projection has started yet." : string.Join("; ", lags);
                return stalled.Count == 0
                    ? HealthCheckResult.Healthy(description)
                    : HealthCheckResult.Unhealthy($"Stalled: {string.Join(", ", stalled)}. {description}");
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy("Projection progress could not be read.", e);
            }
        }
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
