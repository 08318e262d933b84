using System.Runtime.CompilerServices;
using Marten;
using JasperFx.Events;

namespace Newsroom.Integrity;

/// <summary>
/// A command on an existing article reads its stream and the stream's newest chain link in one round trip,
/// and <see cref="HashChainListener"/> chains the new events to that link without reading it again (ADR 0038).
/// </summary>
public static class ChainHeads
{
    // Per session: the links read with their streams. Weak, so a session's entry goes with the session.
    private static readonly ConditionalWeakTable<IDocumentSession, Dictionary<Guid, ChainLink>> Read = new();

    /// <summary>
    /// FetchForWriting, and in the same batch the link of the version the caller expects the stream to be at
    /// (the version in the request). When that version is not current the command answers 409 and appends
    /// nothing; any other append finds no link remembered for its version and the listener loads it.
    /// </summary>
    public static async Task<IEventStream<T>> FetchForWritingAsync<T>(IDocumentSession session, Guid id, long? expectedVersion, CancellationToken ct)
        where T : class
    {
        if (expectedVersion is not > 0) return await session.Events.FetchForWriting<T>(id, ct);
        var batch = session.CreateBatchQuery();
        var stream = batch.Events.FetchForWriting<T>(id);
        var link = batch.Load<ChainLink>(ChainLink.IdFor(id, expectedVersion.Value));
        await batch.Execute(ct);
        if (await link is { } head) Read.GetOrCreateValue(session)[id] = head;
        return await stream;
    }

    /// <summary>The hash of the stream's link at <paramref name="version"/>, if it was read with the stream.</summary>
    internal static string? Known(IDocumentSession session, Guid streamId, long version) =>
        Read.TryGetValue(session, out var links) && links.TryGetValue(streamId, out var link) && link.Version == version
            ? link.Hash
            : null;
}
