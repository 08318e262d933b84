using Marten;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>
/// The sequence number of the newest event in a publication's event store, read through the primary key in
/// constant time. Marten's <c>FetchEventStoreStatistics</c> gives it too, but also counts every event and every
/// stream (two full scans); readiness probes and the storage gauges asked for it every few seconds, a cost that
/// grew with the archive (ADR 0035).
/// </summary>
public static class EventStoreHead
{
    /// <param name="tenant">The publication (ADR 0033); null for the single-database service.</param>
    public static async Task<long> ReadAsync(IDocumentStore store, string? tenant, CancellationToken ct)
    {
        var database = tenant is null ? store.Storage.Database : await store.Storage.FindOrCreateDatabase(tenant);
        return await database.FetchHighestEventSequenceNumber(ct);
    }
}
