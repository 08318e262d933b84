using System.Globalization;
using System.Text;

namespace Newsroom.Bench;

/// <summary>
/// Costs that grow with the archive: each operation's rate and latency at the small archive against the large one,
/// and — with --profile — the statements whose time per operation grew.
/// </summary>
public static class Growth
{
    /// <summary>
    /// One line per operation: rate, p50 and CPU per operation at both sizes (<paramref name="grown"/> names what
    /// grew; by default the archive). On a shared machine the CPU per
    /// operation is the steadier figure: the rate also moves with what the neighbours do.
    /// </summary>
    public static IEnumerable<(string Name, string Value)> Compare(GrowthPoint small, GrowthPoint large, string? grown = null)
    {
        grown ??= $"×{large.Articles / (double)small.Articles:F1} articles (×{large.Events / (double)small.Events:F1} events)";
        foreach (var (operation, before) in small.Operations)
        {
            var after = large.Operations.FirstOrDefault(o => o.Operation == operation).Result;
            if (after is null) continue;
            yield return ($"Growth {grown}: {operation}",
                string.Create(CultureInfo.InvariantCulture,
                    $"{before.Throughput:F0} → {after.Throughput:F0}/s ({after.Throughput / before.Throughput:P0}); p50 {before.P50Ms:F2} → {after.P50Ms:F2} ms (×{after.P50Ms / before.P50Ms:F2}); CPU per operation: PostgreSQL {before.PostgresCpuMsPerOp:F2} → {after.PostgresCpuMsPerOp:F2} ms (×{after.PostgresCpuMsPerOp / before.PostgresCpuMsPerOp:F2}), service {before.ServiceCpuMsPerOp:F2} → {after.ServiceCpuMsPerOp:F2} ms"));
        }
    }

    /// <summary>
    /// With --profile: per operation, the statements whose time per operation at the large archive is at least 1.5 times
    /// that at the small one (and at least 0.01 ms), largest growth in milliseconds first.
    /// </summary>
    public static string Statements(GrowthPoint small, GrowthPoint large)
    {
        var md = new StringBuilder();
        foreach (var (operation, before) in small.Operations)
        {
            var after = large.Operations.FirstOrDefault(o => o.Operation == operation).Result;
            if (before.Statements is null || after?.Statements is null) continue;
            var grown = after.Statements
                .Select(a => (After: a, Before: before.Statements.FirstOrDefault(b => Shape(b.Query) == Shape(a.Query))))
                .Where(p => p.After.MsPerOp >= 0.01 && (p.Before is null || p.After.MsPerOp >= 1.5 * p.Before.MsPerOp))
                .OrderByDescending(p => p.After.MsPerOp - (p.Before?.MsPerOp ?? 0))
                .ToList();
            if (grown.Count == 0) continue;
            md.AppendLine($"{operation}:").AppendLine();
            md.AppendLine($"| ms per op at {small.Articles:N0} | at {large.Articles:N0} | calls per op | statement |").AppendLine("|---:|---:|---:|---|");
            foreach (var (a, b) in grown)
                md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(b is null ? "(not in the top)" : b.MsPerOp.ToString("F3", CultureInfo.InvariantCulture))} | {a.MsPerOp:F3} | {a.CallsPerOp:F2} | `{a.Query.Replace("|", "\\|")}` |"));
            md.AppendLine();
        }
        return md.Length == 0 ? "" : "## Statements whose cost grew with the archive (--profile)\n\n" + md;
    }

    // pg_stat_statements shows one statement with its first constants or with $n, depending on how it was first
    // seen: compare them without either.
    private static string Shape(string query) => System.Text.RegularExpressions.Regex.Replace(query, @"'[^']*'|\$\d+", "?");
}
