using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Newsroom.Operations;

/// <summary>
/// Draining on a graceful stop (SIGTERM, Ctrl+C; ADR 0031). From the moment the host is asked to stop,
/// <c>/health/ready</c> answers 503 (the <c>accepting</c> check fails), and the node keeps serving for
/// <c>Newsroom:DrainSeconds</c> before Kestrel stops accepting, so that a load balancer polling readiness takes it
/// out of rotation while it still answers: no request sent to it in the meantime fails.
/// </summary>
/// <remarks>
/// Ordering (.NET's Host.StopAsync, checked by <c>a_graceful_stop_drains</c>): the stop request cancels
/// <c>ApplicationStopping</c>, then every <see cref="IHostedLifecycleService.StoppingAsync"/> runs, and only then
/// the hosted services' <c>StopAsync</c>, among them the web server's. The delay counts against the host's shutdown
/// timeout, which is lengthened by it.
/// </remarks>
public static class Draining
{
    public const string DrainSecondsKey = "Newsroom:DrainSeconds";
    public const double DefaultDrainSeconds = 5;

    public static IServiceCollection AddNewsroomDraining(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue(DrainSecondsKey, DefaultDrainSeconds);
        if (seconds < 0 || double.IsNaN(seconds)) throw new InvalidOperationException($"Newsroom__DrainSeconds must be 0 or more, not {seconds}.");
        var delay = TimeSpan.FromSeconds(seconds);
        services.AddSingleton(new DrainDelay(delay));
        services.AddHostedService<DrainOnStop>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout += delay);
        services.AddHealthChecks().AddCheck<AcceptingCheck>("accepting", tags: ["ready"]);
        return services;
    }

    public sealed record DrainDelay(TimeSpan Value);

    /// <summary>Not ready as soon as the node is stopping.</summary>
    private sealed class AcceptingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("The node is stopping (draining).")
                : HealthCheckResult.Healthy("The node accepts requests."));
    }

    /// <summary>Holds the stop back by the drain delay, before the server stops accepting.</summary>
    private sealed class DrainOnStop(DrainDelay delay, ILogger<DrainOnStop> logger) : IHostedLifecycleService
    {
        public async Task StoppingAsync(CancellationToken cancellationToken)
        {
            if (delay.Value <= TimeSpan.Zero) return;
            logger.LogInformation("Stopping: not ready, draining for {DrainSeconds} s before the server stops accepting", delay.Value.TotalSeconds);
            try { await Task.Delay(delay.Value, cancellationToken); }
            catch (OperationCanceledException) { /* the shutdown timeout ran out: stop now */ }
            logger.LogInformation("Drained: the server stops accepting");
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
