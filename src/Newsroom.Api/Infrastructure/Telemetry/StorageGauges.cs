using System.Diagnostics.Metrics;
using Marten;
using Wolverine.Runtime;

namespace Newsroom.Infrastructure.Telemetry;

/// <summary>
/// Gauges that need the database: how far each async projection is behind the event store, and how many durable
/// messages wait (incoming, outgoing, scheduled, dead letters). Read every few seconds through Marten's and
/// Wolverine's own APIs, never in the exporter's callback (which must not block), and observed from the last read.
/// </summary>
public sealed class StorageGauges(IDocumentStore store, Tenancy.Publications publications, IWolverineRuntime wolverine, NewsroomMetrics metrics, ILogger<StorageGauges> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private volatile IReadOnlyList<Measurement<long>> _lag = [];
    private volatile IReadOnlyList<Measurement<long>> _depth = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.Meter.CreateObservableGauge("newsroom.projection.lag", () => _lag, unit: "{event}",
            description: "Events appended that each async projection has not processed yet.");
        metrics.Meter.CreateObservableGauge("newsroom.messages.waiting", () => _depth, unit: "{message}",
            description: "Durable messages waiting in the message store, by kind (incoming, outgoing, scheduled, dead_letter).");

        using var timer = new PeriodicTimer(Period);
        do
        {
            try { await SampleAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // An outage is reported by health and by the 503s; the gauges keep their last values meanwhile.
                logger.LogDebug(e, "Could not sample the storage gauges");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken ct)
    {
        // With several publications, one series per publication's projection (tagged with the publication);
        // a database that cannot be read keeps no series until it answers again.
        var tenants = publications.Tenants;
        var lag = new List<Measurement<long>>();
        foreach (var tenant in tenants)
        {
            try
            {
                lag.AddRange((await Persistence.ProjectionLag.ReadAsync(store, tenant, ct))
                    .Select(p => new Measurement<long>(p.Behind,
                        tenant is null
                            ? [new KeyValuePair<string, object?>("projection", p.Shard)]
                            : [new KeyValuePair<string, object?>("projection", p.Shard), new KeyValuePair<string, object?>("publication", tenant)])));
            }
            catch (Exception e) when (tenant is not null && !ct.IsCancellationRequested)
            {
                logger.LogDebug(e, "Could not read the projection progress of {Publication}", tenant);
            }
        }
        _lag = lag;

        var counts = await wolverine.Storage.Admin.FetchCountsAsync();
        _depth =
        [
            new(counts.Incoming, new KeyValuePair<string, object?>("kind", "incoming")),
            new(counts.Outgoing, new KeyValuePair<string, object?>("kind", "outgoing")),
            new(counts.Scheduled, new KeyValuePair<string, object?>("kind", "scheduled")),
            new(counts.DeadLetter, new KeyValuePair<string, object?>("kind", "dead_letter")),
        ];
    }
}
