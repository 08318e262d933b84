using Npgsql;

namespace Newsroom.Infrastructure.Notifications;

/// <summary>Sends one PostgreSQL notification, in a transaction of its own that does not wait for the WAL flush.</summary>
/// <remarks>
/// A notification takes a transaction id, so its commit writes a commit record; with synchronous_commit on it
/// would wait for that record's flush, and under load the node sends a few hundred such transactions a second.
/// A notification lost in a crash of PostgreSQL costs what a lost one always costs here (the daemon's polling,
/// a cache entry's lifetime, a live desk's next reload), so waiting for the flush buys nothing (ADR 0040).
/// </remarks>
public static class Notify
{
    private const string Sql = "select set_config('synchronous_commit', 'off', true), pg_notify(@channel, @payload)";

    public static async Task SendAsync(NpgsqlConnection connection, string channel, string payload, CancellationToken token = default)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("payload", payload);
        await command.ExecuteNonQueryAsync(token);
    }
}
