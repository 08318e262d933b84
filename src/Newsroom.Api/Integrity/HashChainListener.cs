using Marten;

namespace Newsroom.Integrity;

/// <summary>
/// Adds a <see cref="ChainLink"/> for every event appended by any session, in the same transaction as the
/// events themselves: an event never exists without its link, whichever code path appended it.
/// </summary>
public sealed class HashChainListener : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        foreach (var stream in session.PendingChanges.Streams())
        {
            if (stream.Events.Count == 0) continue;
            // A new stream starts at 0. An append to an existing stream must know its version (FetchForWriting
            // gives it): guessing would chain the events to the wrong link.
            var version = stream.ActionType == JasperFx.Events.StreamActionType.Start ? 0
                : stream.ExpectedVersionOnServer ?? throw new InvalidOperationException(
                    $"Appending to stream {stream.Id} without a known version: use FetchForWriting so the hash chain can link the events.");
            var previous = version == 0
                ? HashChain.Genesis
                : ChainHeads.Known(session, stream.Id, version)
                  ?? (await session.LoadAsync<ChainLink>(ChainLink.IdFor(stream.Id, version), token))?.Hash ?? HashChain.Genesis;

            foreach (var e in stream.Events)
            {
                version++;
                var data = CanonicalJson.From(serializer.ToJson(e.Data));
                var hash = HashChain.Link(previous, stream.Id, version, e.EventTypeName, data, session.CorrelationId);
                session.Store(new ChainLink { Id = ChainLink.IdFor(stream.Id, version), StreamId = stream.Id, Version = version, PreviousHash = previous, Hash = hash });
                previous = hash;
            }
        }
    }
}
