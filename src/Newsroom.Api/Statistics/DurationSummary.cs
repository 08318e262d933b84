namespace Newsroom.Statistics;

/// <summary>Seconds; null when there is nothing to summarize yet.</summary>
public sealed record DurationSummary(int Count, double? MedianSeconds, double? P90Seconds)
{
    public static readonly DurationSummary None = new(0, null, null);

    /// <summary>The figures of one desk and kind, rounded to milliseconds.</summary>
    public static DurationSummary From(DurationRow row) => new(row.Count, Math.Round(row.Median, 3), Math.Round(row.P90, 3));
}
