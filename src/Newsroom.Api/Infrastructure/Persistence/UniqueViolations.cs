using Npgsql;

namespace Newsroom.Infrastructure.Persistence;

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
