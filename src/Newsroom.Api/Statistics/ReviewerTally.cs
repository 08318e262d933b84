namespace Newsroom.Statistics;

/// <summary>Replaced, never changed in place (see <see cref="DeskStatistics"/>).</summary>
public sealed record ReviewerTally
{
    public string Name { get; init; } = "";
    public int Approvals { get; init; }
}
