using System.Text;
using System.Xml;
using Marten;

namespace Newsroom.Public.Reader;

/// <summary>
/// <c>/sitemap.xml</c>: the front page and every published article (newest <see cref="MaxUrls"/>, the protocol's
/// limit for one file), with its last change. <c>/news-sitemap.xml</c>: Google News' sitemap of the articles first
/// published in the last 48 hours (at most 1 000, its limit). Both are built from the same read model as the
/// pages, so nothing is listed before it is published, and a withdrawn article leaves them.
/// </summary>
public static class Sitemaps
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";
    public const string ContentType = "application/xml; charset=utf-8";
    public const int MaxUrls = 50_000;
    public const int MaxNewsUrls = 1_000;
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);

    public static async Task<IResult> SitemapAsync(IQuerySession session, HttpContext http, PublicSite site)
    {
        var articles = await PublicQueries.Visible(session).NewestFirst()
            .Select(a => new SitemapRow(a.Slug, a.PublishedAt, a.UpdatedAt))
            .Take(MaxUrls - 1)
            .ToListAsync(http.RequestAborted);
        var siteBase = site.BaseFor(http);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            writer.WriteStartElement("url", Namespace);
            writer.WriteElementString("loc", Namespace, PublicUrls.Front(siteBase));
            writer.WriteElementString("changefreq", Namespace, "always");
            writer.WriteEndElement();
            foreach (var article in articles)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, PublicUrls.Article(siteBase, article.Slug));
                writer.WriteElementString("lastmod", Namespace, ReaderHtml.Iso(article.UpdatedAt ?? article.PublishedAt!.Value));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
        PublicCaching.Cacheable(http, SurrogateKeys.Lists);
        return Results.Text(xml, ContentType, Encoding.UTF8);
    }

    public static async Task<IResult> NewsSitemapAsync(IQuerySession session, HttpContext http, PublicSite site, TimeProvider clock)
    {
        var articles = await PublicQueries.PublishedSinceAsync(session, clock.GetUtcNow() - NewsWindow, MaxNewsUrls, http.RequestAborted);
        var siteBase = site.BaseFor(http);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            writer.WriteAttributeString("xmlns", "news", null, NewsNamespace);
            foreach (var article in articles)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, PublicUrls.Article(siteBase, article.Slug));
                writer.WriteStartElement("news", "news", NewsNamespace);
                writer.WriteStartElement("news", "publication", NewsNamespace);
                writer.WriteElementString("news", "name", NewsNamespace, site.NameFor(http));
                writer.WriteElementString("news", "language", NewsNamespace, article.Language);
                writer.WriteEndElement();
                writer.WriteElementString("news", "publication_date", NewsNamespace, ReaderHtml.Iso(article.PublishedAt!.Value));
                writer.WriteElementString("news", "title", NewsNamespace, article.Headline);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
        PublicCaching.Cacheable(http, SurrogateKeys.Lists);
        return Results.Text(xml, ContentType, Encoding.UTF8);
    }

    /// <summary>robots.txt: everything may be crawled but the desk and the API; the sitemaps are named.</summary>
    public static IResult Robots(HttpContext http, PublicSite site)
    {
        var siteBase = site.BaseFor(http);
        PublicCaching.Cacheable(http, SurrogateKeys.Lists);
        return Results.Text(
            "User-agent: *\nDisallow: /desk\nDisallow: /api/\nAllow: /\n\n" +
            $"Sitemap: {PublicUrls.Sitemap(siteBase)}\nSitemap: {PublicUrls.NewsSitemap(siteBase)}\n",
            "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static string Write(Action<XmlWriter> body)
    {
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = true }))
            body(writer);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + output;
    }
}
