using Newsroom.Articles;

namespace Newsroom.Public;

/// <summary>What readers get: the published state only, with the body as sanitized HTML.</summary>
public sealed record PublicArticleResponse(
    Guid Id,
    string Slug,
    string Url,
    string Headline,
    string? Standfirst,
    string Html,
    IReadOnlyList<string> Byline,
    string Desk,
    IReadOnlyList<string> Tags,
    string? Category,
    IReadOnlyList<GeoLocation> Locations,
    string Language,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PublicCorrectionResponse> Corrections)
{
    public static PublicArticleResponse From(PublishedArticle a, Uri siteBase) => new(
        a.Id, a.Slug, PublicUrls.Article(siteBase, a.Slug), a.Headline, a.Standfirst, a.Html, a.Byline, a.Desk, a.Tags,
        a.Category, a.Locations, a.Language, a.PublishedAt!.Value, a.UpdatedAt!.Value,
        a.Corrections.Select(c => new PublicCorrectionResponse(c.Note, c.At)).ToList());
}
