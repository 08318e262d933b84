namespace Newsroom.Articles;

/// <summary>The content fields a request may carry. Absent (null) means "not given".</summary>
public interface IContentFields
{
    string? Headline { get; }
    string? Standfirst { get; }
    string? Body { get; }
    string? Desk { get; }
    List<string>? Byline { get; }
    List<string>? Tags { get; }
    string? Category { get; }
    List<GeoLocation>? Locations { get; }
    string? Language { get; }
    string? Slug { get; }
    DateTimeOffset? EmbargoUntil { get; }
    int? Priority { get; }
}
