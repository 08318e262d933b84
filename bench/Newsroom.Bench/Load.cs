using System.Diagnostics;

namespace Newsroom.Bench;

/// <summary>What one load phase measured: completed operations per second and latency percentiles.</summary>
public sealed record Measurement(string Name, int Clients, double Seconds, long Operations, long Errors, double Throughput,
    double P50Ms, double P99Ms, string? Note = null, string? Cpu = null, List<StatementStat>? Statements = null,
    double? ServiceCpuMsPerOp = null, double? PostgresCpuMsPerOp = null)
{
    public static Measurement From(string name, int clients, double seconds, List<double> latenciesMs, long errors, string? note = null)
    {
        latenciesMs.Sort();
        return new Measurement(name, clients, seconds, latenciesMs.Count, errors, latenciesMs.Count / seconds,
            Percentile(latenciesMs, 0.50), Percentile(latenciesMs, 0.99), note);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

public static class Load
{
    /// <summary>
    /// Runs <paramref name="operation"/> in a closed loop on <paramref name="clients"/> workers for the given
    /// time. An operation returns false (or throws) for a failed request; only successes count as throughput.
    /// </summary>
    public static async Task<Measurement> RunAsync(string name, int clients, TimeSpan duration,
        Func<int, long, Task<bool>> operation, Func<int, Task>? prepare = null, string? note = null)
    {
        if (prepare != null) await Task.WhenAll(Enumerable.Range(0, clients).Select(prepare));
        var latencies = new List<double>[clients];
        var errors = new long[clients];
        var started = Stopwatch.StartNew();
        var deadline = started.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(1 << 14);
            long i = 0;
            while (started.Elapsed < deadline)
            {
                var t = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await operation(worker, i++); }
                catch (Exception) { ok = false; }
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (ok) mine.Add(ms); else errors[worker]++;
            }
        }));
        var seconds = started.Elapsed.TotalSeconds;
        return Measurement.From(name, clients, seconds, latencies.SelectMany(l => l).ToList(), errors.Sum(), note);
    }
}
