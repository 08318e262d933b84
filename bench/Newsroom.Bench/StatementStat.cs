using System.Globalization;

namespace Newsroom.Bench;

/// <summary>One statement's share of a phase: calls per operation, mean execution time, share of all statement time.</summary>
public sealed record StatementStat(string Query, double CallsPerOp, double MeanMs, double Share)
{
    public double MsPerOp => CallsPerOp * MeanMs;

    /// <summary>As a row of the report's table.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"| {CallsPerOp:F2} | {MeanMs:F3} | {Share:P0} | `{Query.Replace("|", "\\|")}` |");
}
