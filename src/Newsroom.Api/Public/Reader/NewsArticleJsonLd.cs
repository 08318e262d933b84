using System.Text.Json;
using System.Text.Json.Nodes;

namespace Newsroom.Public.Reader;

/// <summary>
/// schema.org <c>NewsArticle</c> for search engines, as JSON-LD: a data block, never run, so the CSP needs no
/// script source for it. The default encoder escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so no text in it
/// can close the element.
/// </summary>
public static class NewsArticleJsonLd
{
    public static string For(PublishedArticle article, string publisher, Uri siteBase)
    {
        var url = PublicUrls.Article(siteBase, article.Slug);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = url,
            ["url"] = url,
            ["headline"] = article.Headline,
            ["datePublished"] = ReaderHtml.Iso(article.PublishedAt!.Value),
            ["dateModified"] = ReaderHtml.Iso(article.UpdatedAt ?? article.PublishedAt!.Value),
            ["inLanguage"] = article.Language,
            ["articleSection"] = article.Category ?? article.Desk,
            ["author"] = new JsonArray([.. article.Byline.Select(name => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = name })]),
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher, ["url"] = PublicUrls.Front(siteBase) }
        };
        if (!string.IsNullOrWhiteSpace(article.Standfirst)) json["description"] = article.Standfirst;
        if (article.Tags.Count > 0) json["keywords"] = new JsonArray([.. article.Tags.Select(t => (JsonNode)JsonValue.Create(t)!)]);
        if (article.Corrections.Count > 0)
            json["correction"] = new JsonArray([.. article.Corrections.Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "CorrectionComment",
                ["text"] = c.Note,
                ["datePublished"] = ReaderHtml.Iso(c.At)
            })]);
        return json.ToJsonString(Options);
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };
}
