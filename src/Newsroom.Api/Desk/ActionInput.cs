namespace Newsroom.Desk;

/// <summary>What a person typed into an action's form.</summary>
public sealed record ActionInput(int Version, int? Revision, string? Reason, string? Comments, DateTimeOffset? PublishAt);
