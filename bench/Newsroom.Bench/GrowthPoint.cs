namespace Newsroom.Bench;

/// <summary>The same operations measured at one archive size: articles and events in the store when it began.</summary>
public sealed record GrowthPoint(long Articles, long Events, List<(string Operation, Measurement Result)> Operations);
