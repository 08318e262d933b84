using Npgsql;

namespace Newsroom.Infrastructure.Notifications;

/// <summary>
/// LISTENs on one PostgreSQL channel for as long as the node runs: reconnects with backoff (1 s doubling to
/// 30 s), pings a quiet connection every 30 s so a lost one is noticed, and says when it starts and stops
/// hearing — a listener that was deaf may have missed notifications, and its owner decides what that means.
/// </summary>
public static class ChannelListener
{
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(NpgsqlDataSource dataSource, string channel, string applicationName,
        Action<string> onNotification, Func<bool, Task> onListeningChanged, Action<Exception> onFirstFailure, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var listening = false;
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, n) => onNotification(n.Payload);
                // Named, so that an operator (or a test) can find this connection in pg_stat_activity.
                await using (var command = new NpgsqlCommand($"SET application_name = '{applicationName}'; LISTEN {channel}", connection))
                    await command.ExecuteNonQueryAsync(stoppingToken);
                listening = true;
                await onListeningChanged(true);
                failures = 0;
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await connection.WaitAsync(Ping, stoppingToken)) continue;
                    await using var ping = new NpgsqlCommand("select 1", connection);
                    await ping.ExecuteNonQueryAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Once per outage, not once per attempt: a database that refuses LISTEN (a pooler in
                // transaction mode) would otherwise fill the log.
                if (failures++ == 0) onFirstFailure(e);
            }
            finally
            {
                if (listening) await onListeningChanged(false);
            }
            var retry = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Max(0, failures - 1))));
            try { await Task.Delay(retry, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
