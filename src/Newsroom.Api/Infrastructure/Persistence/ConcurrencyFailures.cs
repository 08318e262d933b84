namespace Newsroom.Infrastructure.Persistence;

public static class ConcurrencyFailures
{
    /// <summary>
    /// True for Marten's optimistic-concurrency failures: another writer appended to the stream between our
    /// read and our commit, so nothing of ours was written.
    /// </summary>
    public static bool IsConcurrencyFailure(Exception exception)
    {
        for (var e = exception; e != null; e = e.InnerException)
        {
            if (e is JasperFx.ConcurrencyException
                or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
                or JasperFx.Events.StreamLockedException
                or JasperFx.Events.ExistingStreamIdCollisionException)
                return true;
        }
        return false;
    }
}

public static class UniqueViolations
{
    /// <summary>True when the commit broke the named unique index (PostgreSQL 23505).</summary>
    public static bool Violates(Exception exception, string indexName)
    {
        for (var e = exception; e != null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == indexName)
                return true;
        return false;
    }
}
