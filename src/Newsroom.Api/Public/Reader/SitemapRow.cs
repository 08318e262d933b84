namespace Newsroom.Public.Reader;

/// <summary>What the sitemap needs of an article, read without the rest of the document.</summary>
public sealed record SitemapRow(string Slug, DateTimeOffset? PublishedAt, DateTimeOffset? UpdatedAt);
