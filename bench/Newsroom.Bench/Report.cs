using System.Globalization;
using System.Text;

namespace Newsroom.Bench;

public static class Report
{
    /// <summary>The results table (with each figure's ratio to the same run's pgbench baseline) and the machine it ran on.</summary>
    public static async Task WriteAsync(Options options, List<Measurement> results, Measurement? append, Measurement? select,
        Measurement? sameCreate, Measurement? sameRevise, List<(string Name, string Value, string Target, bool? Met)> facts, string sections)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Newsroom benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
        md.AppendLine("## Machine").AppendLine();
        foreach (var line in await Machine()) md.AppendLine($"- {line}");
        md.AppendLine($"- Load: {options.Clients} HTTP clients (pgbench: {options.PgbenchClients}), {options.Seconds} s per phase, client and service on the same machine");
        md.AppendLine().AppendLine("## Throughput and latency").AppendLine();
        md.AppendLine("| measurement | clients | ops/s | p50 ms | p99 ms | ops/s ÷ baseline | ÷ same work | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            // The same-work replay of the operation itself (pgbench doing what the service sends for one create / revise).
            var same = m.Name.StartsWith("(a)") ? sameCreate : m.Name.StartsWith("(b)") ? sameRevise : null;
            var sameRatio = same is null ? "" : (m.Throughput / same.Throughput).ToString("P0", CultureInfo.InvariantCulture);
            var baseline = m == append || m == select || m == sameCreate || m == sameRevise ? null
                : m.Name.StartsWith("(a)") || m.Name.StartsWith("(b)") || m.Name.StartsWith("(f)") ? append : select;
            var ratio = m == append || m == select || m == sameCreate || m == sameRevise ? "baseline"
                : baseline is null ? "(no baseline in this run)"
                : (m.Throughput / baseline.Throughput).ToString("P0", CultureInfo.InvariantCulture) + $" of {Short(baseline)}";
            md.AppendLine($"| {m.Name}{(m.Note is null ? "" : $" ({m.Note})")} | {m.Clients} | {m.Throughput:F0} | {m.P50Ms:F1} | {m.P99Ms:F1} | {ratio} | {sameRatio} | {m.Errors} |");
        }
        md.AppendLine().AppendLine("Where the CPU went during each phase (cores busy on average; the machine has " + Environment.ProcessorCount + "):").AppendLine();
        foreach (var m in results.Where(r => r.Cpu != null)) md.AppendLine($"- {m.Name}: {m.Cpu}");
        if (results.Any(r => r.Statements != null))
        {
            md.AppendLine().AppendLine("## Where PostgreSQL's time went (pg_stat_statements, --profile)").AppendLine();
            foreach (var m in results.Where(r => r.Statements != null))
            {
                md.AppendLine($"{m.Name}:").AppendLine();
                md.AppendLine("| calls per op | mean ms | share of statement time | statement |").AppendLine("|---:|---:|---:|---|");
                foreach (var line in m.Statements!) md.AppendLine(line.ToString());
                md.AppendLine();
            }
        }
        md.AppendLine().AppendLine("## Other figures").AppendLine();
        md.AppendLine("| figure | value | target | met |").AppendLine("|---|---|---|---|");
        foreach (var f in facts) md.AppendLine($"| {f.Name} | {f.Value} | {f.Target} | {(f.Met is null ? "" : f.Met.Value ? "yes" : "no")} |");

        if (sections.Length > 0) md.AppendLine().Append(sections);

        Directory.CreateDirectory(options.Results);
        var file = Path.Combine(options.Results, $"results-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, md.ToString());
        Console.WriteLine();
        Console.WriteLine(md.ToString());
        Console.WriteLine($"Written to {file}");
    }

    private static string Short(Measurement baseline) => baseline.Name.Contains("append") ? "pgbench append" : "pgbench select";

    private static async Task<List<string>> Machine()
    {
        var lines = new List<string>();
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        lines.Add($"CPU: {cpu}, {Environment.ProcessorCount} cores; memory {long.Parse(memKb) / 1024 / 1024} GiB");
        lines.Add($"OS: {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}");
        try { lines.Add("PostgreSQL: " + (await PgBench.Exec("psql", "--version")).Trim() + " (fsync on, synchronous_commit on)"); }
        catch { lines.Add("PostgreSQL: version unknown"); }
        return lines;
    }
}
