namespace Newsroom.Public;

/// <summary>A list item: enough to show a headline list and link to the article.</summary>
public sealed record PublicArticleSummary(
    string Slug, string Url, string Headline, string? Standfirst, string Desk, IReadOnlyList<string> Tags,
    IReadOnlyList<string> Byline, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt)
{
    public static PublicArticleSummary From(PublishedArticle a, Uri siteBase) => new(
        a.Slug, PublicUrls.Article(siteBase, a.Slug), a.Headline, a.Standfirst, a.Desk, a.Tags, a.Byline,
        a.PublishedAt!.Value, a.UpdatedAt!.Value);
}
