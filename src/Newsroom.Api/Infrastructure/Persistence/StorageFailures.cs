using Npgsql;

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

public static class DatabaseUnavailable
{
    /// <summary>
    /// True when the database could not be reached or went away: connection refused or reset, a connect,
    /// command or pool timeout, the server shutting down (57P01, 57P02), starting up (57P03), out of
    /// connections (53300) or a connection exception (class 08). Nothing of the request is committed in these
    /// cases, except when the connection is lost during the COMMIT itself (see ADR 0025). A PostgreSQL error
    /// about the statement (a constraint, a syntax error) is not an outage and stays what it is.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        ConcurrencyFailures.Chain(exception).Any(e => e switch
        {
            PostgresException pg => IsUnavailableState(pg.SqlState),
            NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException,
            System.Net.Sockets.SocketException => true,
            _ => false
        });

    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;
}
