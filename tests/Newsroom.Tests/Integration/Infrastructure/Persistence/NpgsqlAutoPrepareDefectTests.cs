using Npgsql;
using NpgsqlTypes;

namespace Newsroom.Tests.Integration;

/// <summary>
/// The library defect behind "one bad request breaks other people's saves" (ADR 0022), reduced to Npgsql alone:
/// with auto-prepare on, a batch in which PostgreSQL refuses a bound value (jsonb holding \u0000, SQLSTATE
/// 22P05) at the usage that prepares its statements leaves the connection out of step, and the next batch on
/// it fails with "Received unexpected backend message DataRow". Found in Npgsql 9.0.4; 9.0.5 and 10.0.3 behave
/// the same. Without auto-prepare the same sequence is harmless. When this test starts failing, Npgsql has
/// fixed it: the pool clearing in StorageLogger can then go (the NUL rule at the door stays).
/// </summary>
public class npgsql_auto_prepare_after_a_refused_value
{
    [Fact]
    public async Task leaves_the_connection_out_of_step_for_the_next_batch()
    {
        var outcome = await RunAsync(autoPrepare: true);
        outcome.ShouldStartWith("Received unexpected backend message");
    }

    [Fact]
    public async Task is_harmless_without_auto_prepare()
    {
        (await RunAsync(autoPrepare: false)).ShouldBe("ok");
    }

    private static async Task<string> RunAsync(bool autoPrepare)
    {
        var table = "npgsql_defect_" + Guid.NewGuid().ToString("N")[..8];
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Newsroom")) { MaxPoolSize = 1 };
        if (autoPrepare) { builder.MaxAutoPrepare = 100; builder.AutoPrepareMinUsages = 2; }
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var setup = await dataSource.OpenConnectionAsync())
            await new NpgsqlCommand($"create table {table}_a (id serial primary key, k text); create table {table}_b (id serial primary key, d jsonb)", setup).ExecuteNonQueryAsync();
        try
        {
            await BatchAsync(dataSource, table, "{\"a\": 1}");              // first usage of each statement
            await Should.ThrowAsync<PostgresException>(() => BatchAsync(dataSource, table, "{\"a\": \"x\\u0000y\"}")); // second: prepares them, and fails
            try { await BatchAsync(dataSource, table, "{\"a\": 2}"); return "ok"; }
            catch (Exception e) { return e.Message; }
        }
        finally
        {
            await using var cleanup = await dataSource.OpenConnectionAsync();
            await new NpgsqlCommand($"drop table {table}_a; drop table {table}_b", cleanup).ExecuteNonQueryAsync();
        }
    }

    // The shape of a Marten commit: a row with a result, a jsonb row, a lookup; one round trip.
    private static async Task BatchAsync(NpgsqlDataSource dataSource, string table, string json)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"insert into {table}_a (k) values ($1) returning id") { Parameters = { new() { Value = "k" } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"insert into {table}_b (d) values ($1) returning id")
            { Parameters = { new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select id from {table}_a where k = $1") { Parameters = { new() { Value = "k" } } });
        await using var reader = await batch.ExecuteReaderAsync();
        do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
    }
}
