using Npgsql;

namespace Newsroom.Infrastructure.Persistence;

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
