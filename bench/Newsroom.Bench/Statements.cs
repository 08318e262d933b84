using System.Globalization;
using Npgsql;

namespace Newsroom.Bench;

/// <summary>
/// With <c>--profile</c>: which statements PostgreSQL spent its time on during a phase (pg_stat_statements,
/// which bench/run.sh preloads only then, because tracking costs a little on every statement).
/// </summary>
public static class Statements
{
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("create extension if not exists pg_stat_statements; select pg_stat_statements_reset();", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The top statements by total execution time (or by calls: for an idle node, whose cost is in how often it
    /// asks, not in what each question costs): calls per operation, mean, share of the time, text.
    /// </summary>
    public static async Task<List<StatementStat>> TopAsync(string connectionString, long operations, int top = 8, bool byCalls = false)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select sum(calls)::bigint, sum(total_exec_time) / nullif(sum(calls), 0),
                   sum(total_exec_time) / nullif(sum(sum(total_exec_time)) over (), 0),
                   left(regexp_replace(query, '\s+', ' ', 'g'), 220)
            from pg_stat_statements
            where query not like '%pg_stat_statements%'
            group by query   -- the same statement in every publication's database is one row
            order by {(byCalls ? "sum(calls)" : "sum(total_exec_time)")} desc limit $1
            """, connection);
        command.Parameters.AddWithValue(top);
        var rows = new List<StatementStat>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new StatementStat(reader.GetString(3), operations == 0 ? 0 : reader.GetInt64(0) / (double)operations, reader.GetDouble(1),
                reader.IsDBNull(2) ? 0 : reader.GetDouble(2)));
        return rows;
    }
}
