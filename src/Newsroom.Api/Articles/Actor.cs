namespace Newsroom.Articles;

/// <summary>Who did something: the token's <c>sub</c> and display name, recorded on every event.</summary>
public sealed record Actor(string Id, string Name);
