using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Tenancy;

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
    /// Runs a check in several publications' databases at once, so that a probe's waits on them do not add up
    /// (each database has its own pool; the bound spares the servers a burst of connections). Its CPU still grows
    /// with the publications: one read of each (ADR 0043).
    /// </summary>
    private static Task InEachDatabaseAsync<T>(IReadOnlyList<T> databases, CancellationToken ct, Func<T, CancellationToken, ValueTask> check) =>
        databases.Count == 1
            ? check(databases[0], ct).AsTask()
            : Parallel.ForEachAsync(databases, new ParallelOptions { MaxDegreeOfParallelism = ParallelChecks, CancellationToken = ct }, check);

    /// <summary>How many databases one probe reads at once.</summary>
    public const int ParallelChecks = 16;

    /// <summary>
    /// The async projections are running when each is caught up with the event store, or is behind but has
    /// moved within the last <see cref="StallAfter"/>. A projection that is behind and has not moved for that
    /// long is stalled (paused, failing, or no node runs it): not ready. With several publications each
    /// database is checked; one that cannot be read makes the node degraded, not unready (the database check says why).
    /// </summary>
    public sealed class ProjectionsHealthCheck(IDocumentStore store, Publications publications, TimeProvider clock) : IHealthCheck
    {
        public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(60);
        private readonly Dictionary<string, (long Sequence, DateTimeOffset Since)> _lastSeen = new();
        private readonly Lock _gate = new();

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var tenants = publications.Tenants;
            var stalled = new List<string>();
            var lags = new List<string>();
            var unreadable = new List<string>();
            await InEachDatabaseAsync(tenants, ct, async (tenant, token) =>
            {
                var prefix = tenant is null ? "" : tenant + ": ";
                try
                {
                    var shards = await ProjectionLag.ReadAsync(store, tenant, token);
                    var now = clock.GetUtcNow();
                    lock (_gate)
                    {
                        foreach (var shard in shards)
                        {
                            var name = prefix + shard.Shard;
                            lags.Add($"{name} {shard.Behind} behind");
                            if (!_lastSeen.TryGetValue(name, out var seen) || seen.Sequence != shard.Sequence)
                                _lastSeen[name] = seen = (shard.Sequence, now);
                            if (shard.Behind > 0 && now - seen.Since > StallAfter) stalled.Add(name);
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    lock (_gate) unreadable.Add(tenant ?? "the database");
                }
            });
            // In the publications' order, whichever database answered first.
            lags.Sort(StringComparer.Ordinal);
            stalled.Sort(StringComparer.Ordinal);
            unreadable.Sort(StringComparer.Ordinal);

            if (unreadable.Count == tenants.Count)
                return HealthCheckResult.Unhealthy("Projection progress could not be read.");
            var description = (lags.Count == 0 ? "No async projection has started yet." : string.Join("; ", lags)) +
                              (unreadable.Count == 0 ? "" : $" Not readable: {string.Join(", ", unreadable)}.");
            if (stalled.Count > 0) return HealthCheckResult.Unhealthy($"Stalled: {string.Join(", ", stalled)}. {description}");
            return unreadable.Count == 0 ? HealthCheckResult.Healthy(description) : HealthCheckResult.Degraded(description);
        }
    }

    /// <summary>
    /// Ready means the event store answers a query. With several publications: the main database (Wolverine's node
    /// registry, the nodes' channels) must answer; a publication's database that does not answer makes the node
    /// degraded, not unready, since it still serves every other publication (unready only if none answers).
    /// </summary>
    private sealed class DatabaseHealthCheck(IDocumentStore store, Publications publications, MartenSetup.ListenDataSource main) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            if (!publications.Several)
                return await AnswersAsync(store, null, ct) is null
                    ? HealthCheckResult.Healthy("The database answers.")
                    : HealthCheckResult.Unhealthy("The database does not answer.");

            try
            {
                await using var connection = await main.DataSource.OpenConnectionAsync(ct);
                await using var command = new Npgsql.NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("The main database does not answer.", e);
            }

            var down = new List<string>();
            await InEachDatabaseAsync(publications.Ids.ToList(), ct, async (id, token) =>
            {
                if (await AnswersAsync(store, id, token) is not null) lock (down) down.Add(id);
            });
            down.Sort(StringComparer.Ordinal);
            if (down.Count == 0) return HealthCheckResult.Healthy("Every database answers.");
            var description = $"The database of {string.Join(", ", down)} does not answer.";
            return down.Count == publications.All.Count ? HealthCheckResult.Unhealthy(description) : HealthCheckResult.Degraded(description);
        }

        private static async Task<Exception?> AnswersAsync(IDocumentStore store, string? publication, CancellationToken ct)
        {
            try
            {
                await using var session = store.QuerySession(Publications.TenantOf(publication));
                await session.QueryAsync<int>("select 1", ct);
                return null;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                return e;
            }
        }
    }
}
