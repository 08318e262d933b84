namespace Newsroom.Infrastructure.Persistence;

// Recognising the storage failures that are answers, not faults: they become 409s or 503s, never 500s.
public static class ConcurrencyFailures
{
    /// <summary>
    /// True for Marten's optimistic-concurrency failures: another writer appended to the stream between our
    /// read and our commit, so nothing of ours was written.
    /// </summary>
    public static bool IsConcurrencyFailure(Exception exception) =>
        Chain(exception).Any(e => e is JasperFx.ConcurrencyException
            or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
            or JasperFx.Events.StreamLockedException
            or JasperFx.Events.ExistingStreamIdCollisionException);

    /// <summary>The exception and its inner exceptions, through the members of aggregates (Marten's batches throw those).</summary>
    internal static IEnumerable<Exception> Chain(Exception exception)
    {
        yield return exception;
        IEnumerable<Exception> inner = exception switch
        {
            AggregateException aggregate => aggregate.InnerExceptions,
            { InnerException: { } one } => [one],
            _ => []
        };
        foreach (var e in inner)
            foreach (var nested in Chain(e))
                yield return nested;
    }
}
