using Npgsql;

namespace Newsroom.Tests.Integration;

/// <summary>
/// A fresh database on the test cluster, for tests whose host must not share the shared host's database
/// (a restart, a crash, a drill, the desk's browser tests): the shared host is a live node of its own and would
/// pick up their work, and its resets would wipe their data.
/// </summary>
public static class OwnDatabase
{
    /// <summary>Creates <c>newsroom_{purpose}_xxxxxxxx</c> and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string purpose)
    {
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Newsroom")
            ?? throw new InvalidOperationException("Run the tests with ./test.sh (it starts PostgreSQL) or set ConnectionStrings__Newsroom."));
        var database = $"newsroom_{purpose}_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        builder.Database = database;
        return builder.ConnectionString;
    }
}
