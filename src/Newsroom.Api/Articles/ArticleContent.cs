namespace Newsroom.Articles;

/// <summary>The complete editorial content of an article at one revision.</summary>
public sealed record ArticleContent(
    string Headline,
    string? Standfirst,
    string? Body,
    string Desk,
    IReadOnlyList<string> Byline,
    IReadOnlyList<string> Tags,
    string? Category,
    IReadOnlyList<GeoLocation> Locations,
    string Language,
    string Slug,
    DateTimeOffset? EmbargoUntil,
    int Priority)
{
    public const int DefaultPriority = 4;
    public const string DefaultLanguage = "en";
}
