using System.Diagnostics;
using Npgsql;

namespace Newsroom.Tests.Integration;

/// <summary>
/// A PostgreSQL cluster of the test's own, started with the repository's <c>infra/postgres/local-postgres.sh</c>
/// (throwaway: no fsync). The outage and crash tests stop and restart it, which they cannot do to the shared one.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _folder;
    public string DataDir => Path.Combine(_folder, "pg");
    public int Port { get; private set; }
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    private LocalPostgres(string folder) => _folder = folder;

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Newsroom.sln"))) return dir.FullName;
        throw new InvalidOperationException("Newsroom.sln not found above " + AppContext.BaseDirectory);
    }

    public static async Task<LocalPostgres> StartAsync(int firstPort = 57100)
    {
        var folder = Directory.CreateTempSubdirectory("newsroom-pg-").FullName;
        // The postgres OS user (the cluster's owner when the tests run as root) must reach the data folder.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("755", 8));
        var pg = new LocalPostgres(folder);
        pg.Port = int.Parse((await Script(firstPort, "start", pg.DataDir, "--throwaway")).Trim());
        return pg;
    }

    /// <summary>Stops the server (fast shutdown: sessions are ended with 57P01); the data stays.</summary>
    public Task StopAsync() => Script(Port, "stop", DataDir);

    /// <summary>Starts the same cluster again on the same port.</summary>
    public async Task RestartAsync()
    {
        var port = int.Parse((await Script(Port, "start", DataDir, "--throwaway")).Trim());
        port.ShouldBe(Port, "the cluster came back on another port");
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name}", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static async Task<string> Script(int port, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(RepoRoot, "infra", "postgres", "local-postgres.sh"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NEWSROOM_PG_PORT"] = port.ToString();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"local-postgres.sh {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await StopAsync(); } catch { /* best effort: the folder goes anyway */ }
        try { Directory.Delete(_folder, recursive: true); } catch { /* owned by postgres; removed with the tmp folder */ }
    }
}
