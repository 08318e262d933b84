using System.Net.Sockets;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Tests.Unit;

/// <summary>Which storage failures are an outage (503), and which are not (they keep their own answer).</summary>
public class when_a_storage_failure_is_judged_an_outage
{
    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]        // 57P01: the server is stopping
    [InlineData(PostgresErrorCodes.CrashShutdown)]        // 57P02
    [InlineData(PostgresErrorCodes.CannotConnectNow)]     // 57P03: the server is starting
    [InlineData(PostgresErrorCodes.TooManyConnections)]   // 53300
    [InlineData(PostgresErrorCodes.ConnectionFailure)]    // 08006
    [InlineData(PostgresErrorCodes.ConnectionException)]  // 08000
    public void server_states_that_mean_the_database_cannot_be_used_now(string sqlState) =>
        DatabaseUnavailable.IsUnavailable(Server(sqlState)).ShouldBeTrue();

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.SyntaxError)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.QueryCanceled)]
    public void statement_errors_are_not_an_outage(string sqlState) =>
        DatabaseUnavailable.IsUnavailable(Server(sqlState)).ShouldBeFalse();

    [Fact]
    public void refused_reset_and_timed_out_connections_are_an_outage()
    {
        DatabaseUnavailable.IsUnavailable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();
        DatabaseUnavailable.IsUnavailable(new NpgsqlException("Exception while reading from stream", new IOException("reset"))).ShouldBeTrue();
        DatabaseUnavailable.IsUnavailable(new NpgsqlException("Exception while reading from stream", new TimeoutException())).ShouldBeTrue();
    }

    [Fact]
    public void found_inside_wrappers_and_aggregates()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        DatabaseUnavailable.IsUnavailable(new InvalidOperationException("wrapped", refused)).ShouldBeTrue();
        DatabaseUnavailable.IsUnavailable(new AggregateException(new InvalidOperationException("other"), Server("57P01"))).ShouldBeTrue();
    }

    [Fact]
    public void other_failures_are_not_an_outage()
    {
        DatabaseUnavailable.IsUnavailable(new InvalidOperationException("bug")).ShouldBeFalse();
        DatabaseUnavailable.IsUnavailable(new NpgsqlException("something else")).ShouldBeFalse();
        DatabaseUnavailable.IsUnavailable(new OperationCanceledException()).ShouldBeFalse();
    }
}
