using Npgsql;

namespace Newsroom.Infrastructure.Persistence;

// Recognising the storage failures that are answers, not faults: they become 409s, never 500s.

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

    internal static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e != null; e = e.InnerException) yield return e;
    }
}

public static class UniqueViolations
{
    /// <summary>True when the commit broke the named unique index (PostgreSQL 23505).</summary>
    public static bool Violates(Exception exception, string indexName) =>
        ConcurrencyFailures.Chain(exception).Any(e =>
            e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == indexName);

    /// <summary>True when an insert met an existing key (Marten's DocumentAlreadyExists, or PostgreSQL 23505).</summary>
    public static bool IsDuplicateKey(Exception exception) =>
        ConcurrencyFailures.Chain(exception).Any(e => e.GetType().Name == "DocumentAlreadyExistsException"
            || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation });
}
