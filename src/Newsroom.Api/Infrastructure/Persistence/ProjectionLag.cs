using Marten;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>How far one async projection shard of one database is behind that database's event store.</summary>
public sealed record ProjectionLag(string Shard, long Sequence, long Behind)
{
    /// <summary>Every async projection of a publication's database (null: the single database); the daemon's high-water row left out.</summary>
    public static async Task<IReadOnlyList<ProjectionLag>> ReadAsync(IDocumentStore store, string? tenant, CancellationToken ct)
    {
        var head = await EventStoreHead.ReadAsync(store, tenant, ct);
        var progress = await store.Advanced.AllProjectionProgress(tenant, ct);
        return progress.Where(p => !p.ShardName.StartsWith("HighWaterMark", StringComparison.Ordinal))
            .Select(p => new ProjectionLag(p.ShardName, p.Sequence, Math.Max(0, head - p.Sequence)))
            .ToList();
    }
}
