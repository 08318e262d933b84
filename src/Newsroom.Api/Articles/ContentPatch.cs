namespace Newsroom.Articles;

/// <summary>
/// A partial update of the content (PATCH and corrections): the version last seen plus the fields to change.
/// An absent or null field is unchanged; "" clears a text field, [] a list; <c>"liftEmbargo": true</c> lifts the
/// embargo. Null never lifts it: generated clients send null for every field they were not given, and a
/// revision of the headline must not release an embargoed story.
/// </summary>
public abstract class ContentPatch : IContentFields
{
    public int? Version { get; init; }
    public string? Headline { get; init; }
    public string? Standfirst { get; init; }
    public string? Body { get; init; }
    public string? Desk { get; init; }
    public List<string>? Byline { get; init; }
    public List<string>? Tags { get; init; }
    public string? Category { get; init; }
    public List<GeoLocation>? Locations { get; init; }
    public string? Language { get; init; }
    public string? Slug { get; init; }
    public int? Priority { get; init; }

    public DateTimeOffset? EmbargoUntil { get; init; }

    /// <summary>True lifts the embargo (not with <see cref="EmbargoUntil"/>).</summary>
    public bool? LiftEmbargo { get; init; }

    public ContentChanges ToChanges() => new(
        Headline?.Trim(), Standfirst, Body, Desk, Byline, Tags, Category, Locations, Language, Slug,
        EmbargoUntil?.ToUniversalTime(), ClearEmbargo: LiftEmbargo == true, Priority);
}
