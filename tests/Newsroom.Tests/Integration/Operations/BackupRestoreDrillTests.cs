using System.Diagnostics;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Newsroom.Infrastructure.Persistence;
using Npgsql;
using Xunit.Abstractions;

namespace Newsroom.Tests.Integration;

/// <summary>
/// Runs <c>infra/backup-restore-drill.sh</c> against a database this test filled through the API: it must pass
/// on the real thing, and fail when a read model or an event was changed behind the application's back.
/// </summary>
public class the_backup_restore_drill(ITestOutputHelper output) : IAsyncLifetime
{
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await OwnDatabase.CreateAsync("drill");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Newsroom"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {new NpgsqlConnectionStringBuilder(_connectionString).Database} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task passes_on_a_real_backup_and_fails_when_a_read_model_or_an_event_was_changed()
    {
        await using (var receiver = await WebhookReceiver.StartAsync())
        await using (var host = await AppFixture.StartHostAsync(receiver, b => b.UseSetting("ConnectionStrings:Newsroom", _connectionString)))
        {
            var api = new Api(host);
            for (var i = 0; i < 3; i++) await api.Published(content: Api.CompleteDraft($"Council budget vote, part {i + 1}"));
            var corrected = await api.Published(content: Api.CompleteDraft("Ferry strike ends"));
            await Api.Ok(api.Post($"/api/articles/{corrected.Id()}/corrections", Users.Paul, new
            {
                version = corrected.Version(), note = "The strike ended on Monday, not Sunday.",
                body = Api.CompleteDraftBody("The strike ended on Monday.")
            }));
            await api.Approved(content: Api.CompleteDraft("Bridge works start", desk: "politics"), editor: Users.Eve);
            await api.InReview();
            await api.Spiked();
            await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        } // stopped: the backup is of a quiet database

        var (exit, log) = await DrillAsync();
        exit.ShouldBe(0, log);
        log.ShouldContain("every chain intact");
        log.ShouldContain("same mt_doc_publishedarticle (4 rows)");
        log.ShouldContain("same mt_doc_auditentry");

        // A public page edited in the database: the rebuilt copy no longer matches what was backed up.
        await ExecuteAsync($"update {MartenSetup.Schema}.mt_doc_publishedarticle set data = jsonb_set(data, '{{headline}}', '\"Edited by hand\"') " +
                           $"where id = (select id from {MartenSetup.Schema}.mt_doc_publishedarticle order by id limit 1)");
        (exit, log) = await DrillAsync();
        exit.ShouldBe(1, log);
        log.ShouldContain("DIFFERENT mt_doc_publishedarticle");

        // An event edited in the database: verify finds the broken chain in the restored copy.
        await ExecuteAsync($"update {MartenSetup.Schema}.mt_events set data = jsonb_set(data, '{{headline}}', '\"Edited by hand\"') " +
                           $"where seq_id = (select min(seq_id) from {MartenSetup.Schema}.mt_events)");
        (exit, log) = await DrillAsync();
        exit.ShouldBe(1, log);
        log.ShouldContain("BROKEN article");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private async Task<(int ExitCode, string Log)> DrillAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(LocalPostgres.RepoRoot, "infra", "backup-restore-drill.sh"));
        start.Environment["ConnectionStrings__Newsroom"] = _connectionString;
        start.Environment["NEWSROOM_APP"] = "dotnet " + Path.Combine(ServiceProcess.ApiDirectory, "Newsroom.Api.dll");
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var log = await stdout + await stderr;
        output.WriteLine($"drill: exit {process.ExitCode} in {timer.ElapsedMilliseconds} ms\n{log}");
        return (process.ExitCode, log);
    }
}
