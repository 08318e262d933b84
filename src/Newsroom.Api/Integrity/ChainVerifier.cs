using Marten;
using Npgsql;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Integrity;

public sealed record VerificationResult(bool Valid, int Events, long? FirstBrokenVersion, string Detail);

/// <summary>
/// Recomputes a stream's chain from the rows as they are stored (the raw jsonb, not the application's view
/// of it) and compares every link: the first event whose data, type, order or correlation id no longer
/// matches its recorded hash, or whose link is missing, is the first broken link.
/// </summary>
public static class ChainVerifier
{
    public static async Task<VerificationResult> VerifyAsync(IQuerySession session, Guid streamId, CancellationToken ct)
    {
        var rows = new List<(long Version, string Type, string Data, string? CorrelationId)>();
        await using (var command = new NpgsqlCommand(
                         $"select version, type, data::text, correlation_id from {MartenSetup.Schema}.mt_events where stream_id = @id order by version",
                         session.Connection))
        {
            command.Parameters.AddWithValue("id", streamId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        long streamVersion = 0;
        await using (var command = new NpgsqlCommand($"select version from {MartenSetup.Schema}.mt_streams where id = @id", session.Connection))
        {
            command.Parameters.AddWithValue("id", streamId);
            streamVersion = await command.ExecuteScalarAsync(ct) is long v ? v : 0;
        }

        var links = (await session.Query<ChainLink>().Where(l => l.StreamId == streamId).OrderBy(l => l.Version).ToListAsync(ct))
            .ToDictionary(l => l.Version);

        var previous = HashChain.Genesis;
        var expectedVersion = 1L;
        foreach (var row in rows)
        {
            if (row.Version != expectedVersion)
                return Broken(rows.Count, expectedVersion, $"Event version {expectedVersion} is missing: the stream jumps to {row.Version}.");
            if (!links.TryGetValue(row.Version, out var link))
                return Broken(rows.Count, row.Version, $"Event {row.Version} ({row.Type}) has no chain link.");
            if (link.PreviousHash != previous)
                return Broken(rows.Count, row.Version, $"The link of event {row.Version} does not follow the link before it.");
            var hash = HashChain.Link(previous, streamId, row.Version, row.Type, CanonicalJson.From(row.Data), row.CorrelationId);
            if (hash != link.Hash)
                return Broken(rows.Count, row.Version, $"Event {row.Version} ({row.Type}) does not match its recorded hash: it was changed after it was written.");
            previous = hash;
            expectedVersion++;
        }

        // The stream row remembers how many events there were: deleting the newest events with their links shows here.
        if (streamVersion >= expectedVersion)
            return Broken(rows.Count, expectedVersion, $"The stream is at version {streamVersion} but its events end at {expectedVersion - 1}: the newest were deleted.");
        if (links.Keys.Any(v => v >= expectedVersion))
            return Broken(rows.Count, expectedVersion, $"Event {expectedVersion} has a chain link but no longer exists: it was deleted.");

        return new VerificationResult(true, rows.Count, null,
            rows.Count == 0 ? "The stream has no events." : $"All {rows.Count} events match their chain.");
    }

    private static VerificationResult Broken(int events, long version, string detail) => new(false, events, version, detail);
}
