namespace Newsroom.Statistics;

public sealed record DurationRow(string Desk, string Kind, int Count, double Median, double P90);
