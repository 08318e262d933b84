using Marten;
using Marten.Services;
using Npgsql;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>
/// Marten's logger, for two reasons. (1) Failed statements are logged with their SQL but without parameter
/// values: those are article texts, possibly under embargo, and do not belong in logs. (2) It sees a failed
/// batch while its connection is still checked out, which is the one moment a poisoned connection can be kept
/// out of the pool: with auto-prepare on, Npgsql leaves a connection out of step with the server after a batch
/// in which PostgreSQL refused a bound value (ADR 0022; reproduced in the tests), and the next request to take
/// it fails. On such a refusal the pool is cleared: idle connections are closed, and this one is closed when
/// Marten returns it instead of being reused.
/// </summary>
public sealed class StorageLogger(ILogger<StorageLogger> logger) : IMartenLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) =>
        new SessionLogger(logger, (session.Database as Weasel.Postgresql.PostgresqlDatabase)?.DataSource);

    public void SchemaChange(string sql) => logger.LogInformation("Applied a schema change:\n{Sql}", sql);

    /// <summary>SQLSTATE class 22, "data exception": PostgreSQL refused a value, typically while binding it.</summary>
    public static bool IsRejectedValue(Exception ex) =>
        ConcurrencyFailures.Chain(ex).Any(e => e is PostgresException { SqlState: { } state } && state.StartsWith("22", StringComparison.Ordinal));
}

/// <summary>One session's view: failures are logged, and a refused value clears the pool of the session's database.</summary>
internal sealed class SessionLogger(ILogger logger, NpgsqlDataSource? dataSource) : IMartenSessionLogger
{
    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
        DiscardIfRejectedValue(command.Connection, ex);
        logger.LogError(ex, "A database command failed:\n{Sql}", command.CommandText);
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
        DiscardIfRejectedValue(batch.Connection, ex);
        logger.LogError(ex, "A database batch failed:\n{Sql}", string.Join('\n', batch.BatchCommands.Select((NpgsqlBatchCommand c) => c.CommandText)));
    }

    public void LogFailure(Exception ex, string message) => logger.LogError(ex, "{Message}", message);

    public void LogSuccess(NpgsqlCommand command) { }
    public void LogSuccess(NpgsqlBatch batch) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
    public void OnBeforeExecute(NpgsqlCommand command) { }
    public void OnBeforeExecute(NpgsqlBatch batch) { }

    // NpgsqlConnection.ClearPool would not do: it reaches only pools made from connection strings, not a data source's.
    private void DiscardIfRejectedValue(NpgsqlConnection? connection, Exception ex)
    {
        if (connection is null || dataSource is null || !StorageLogger.IsRejectedValue(ex)) return;
        dataSource.Clear();
        logger.LogWarning("PostgreSQL refused a value; the connection pool was cleared so no request reuses a connection left out of step");
    }
}
