using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Newsroom.Bench;

/// <summary>
/// The physical baseline: what this PostgreSQL, on this machine, does for the two operations the service is
/// built on — appending an event to a stream (bump the stream's version and insert a ~2 KB jsonb row with a
/// unique (stream, version), in one transaction) and reading one row by primary key.
/// </summary>
public static partial class PgBench
{
    public static async Task<(Measurement Append, Measurement Select)> RunAsync(string host, int port, string work, int clients, int seconds)
    {
        Directory.CreateDirectory(work);
        await Psql(host, port, "postgres", "drop database if exists pgbench_baseline; create database pgbench_baseline;");
        var payload = Payload();
        await Psql(host, port, "pgbench_baseline", $"""
            create table bench_streams (id bigint primary key, version int not null);
            insert into bench_streams select g, 0 from generate_series(1, 10000) g;
            create table bench_events (stream_id bigint not null, version int not null, data jsonb not null, primary key (stream_id, version));
            create table bench_docs (id bigint primary key, data jsonb not null);
            insert into bench_docs select g, '{payload}'::jsonb || jsonb_build_object('id', g) from generate_series(1, 100000) g;
            vacuum analyze;
            """);

        var append = Path.Combine(work, "append.sql");
        await File.WriteAllTextAsync(append, $"""
            \set sid random(1, 10000)
            BEGIN;
            UPDATE bench_streams SET version = version + 1 WHERE id = :sid RETURNING version \gset
            INSERT INTO bench_events (stream_id, version, data) VALUES (:sid, :version, '{payload}');
            END;
            """);
        var select = Path.Combine(work, "select.sql");
        await File.WriteAllTextAsync(select, """
            \set id random(1, 100000)
            SELECT data FROM bench_docs WHERE id = :id;
            """);

        var logs = Directory.CreateDirectory(Path.Combine(work, "logs")).FullName;
        return (await Run("pgbench append (2 KB jsonb event + stream version bump)", host, port, append, Path.Combine(logs, "append"), clients, seconds),
                await Run("pgbench select by primary key (2 KB jsonb)", host, port, select, Path.Combine(logs, "select"), clients, seconds));
    }

    /// <summary>A ~2 KB JSON document shaped like an article event.</summary>
    public static string Payload()
    {
        var body = string.Join(' ', Enumerable.Repeat("The delegation will attend ceremonies in Pyongyang on Thursday.", 28));
        return $$"""{"articleId":"0199a1d0-0000-7000-8000-000000000001","revision":2,"changes":{"headline":"Delegation visits","body":"{{body}}"},"by":{"id":"alice","name":"Alice Editor"},"at":"2026-11-27T09:00:00Z"}""";
    }

    private static Task<Measurement> Run(string name, string host, int port, string script, string logPrefix, int clients, int seconds) =>
        RunScriptAsync(name, host, port, "pgbench_baseline", script, [], logPrefix, clients, seconds);

    /// <summary>Runs one pgbench script (<paramref name="extra"/>: further arguments, such as -M prepared or -D name=value).</summary>
    public static async Task<Measurement> RunScriptAsync(string name, string host, int port, string database, string script, IEnumerable<string> extra,
        string logPrefix, int clients, int seconds)
    {
        var args = new List<string> { "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-n", "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture), "-T", seconds.ToString(CultureInfo.InvariantCulture),
            "-f", script, "-l", $"--log-prefix={logPrefix}" };
        args.AddRange(extra);
        args.Add(database);
        var output = await Exec("pgbench", args);
        var tps = double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var latencies = new List<double>();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(logPrefix)!, Path.GetFileName(logPrefix) + ".*"))
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                var parts = line.Split(' ');
                if (parts.Length > 2) latencies.Add(double.Parse(parts[2], CultureInfo.InvariantCulture) / 1000.0);
            }
        latencies.Sort();
        return new Measurement(name, clients, seconds, latencies.Count, 0, tps,
            Measurement.Percentile(latencies, 0.5), Measurement.Percentile(latencies, 0.99));
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    public static Task<string> Psql(string host, int port, string database, string sql) =>
        Exec("psql", $"-h {host} -p {port} -U postgres -d {database} -v ON_ERROR_STOP=1 -q", sql);

    public static Task<string> Exec(string file, string args, string? stdin = null) =>
        Exec(new ProcessStartInfo(file, args), stdin);

    /// <summary>With each argument passed as it is (no shell, no quoting: the replay's constants are long JSON texts).</summary>
    public static Task<string> Exec(string file, IEnumerable<string> args) => Exec(new ProcessStartInfo(file, args), null);

    private static async Task<string> Exec(ProcessStartInfo info, string? stdin)
    {
        var args = info.Arguments.Length > 0 ? info.Arguments : string.Join(' ', info.ArgumentList.Select(a => a.Length > 80 ? a[..80] + "…" : a));
        var file = info.FileName;
        info.RedirectStandardOutput = info.RedirectStandardError = true;
        info.RedirectStandardInput = stdin != null;
        info.UseShellExecute = false;
        using var process = Process.Start(info)!;
        if (stdin != null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed ({process.ExitCode}):\n{text}");
        return text;
    }
}
