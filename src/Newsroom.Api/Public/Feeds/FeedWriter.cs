using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Newsroom.Public.Feeds;

/// <summary>
/// Writes the public RSS 2.0 and Atom 1.0 feeds from the published-article read model.
/// Pure: the caller passes the articles, the site's address and the time.
/// </summary>
public static partial class FeedWriter
{
    public const string RssContentType = "application/rss+xml; charset=utf-8";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    public const string FeedId = "urn:newsroom:feed";
    private const string FeedTitle = "Newsroom";
    private const string FeedDescription = "The newest articles published by the Newsroom.";
    private const int SummaryLength = 300;

    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    public static string Rss(IReadOnlyList<PublishedArticle> newestFirst, Uri siteBase, DateTimeOffset now)
    {
        var feed = BuildFeed(newestFirst, siteBase, now, selfPath: "public/feed.rss", RssContentType, ForRss);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", XNamespaceXmlns), DublinCore);
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", XNamespaceXmlns), ContentModule);
        // Rss20FeedFormatter writes UTC as the RFC 822 military zone "Z"; valid, but RFC 1123 asks for
        // numeric zones and some readers only understand those.
        return MilitaryUtcZone().Replace(Write(new Rss20FeedFormatter(feed)), "$1+0000<");
    }

    public static string Atom(IReadOnlyList<PublishedArticle> newestFirst, Uri siteBase, DateTimeOffset now)
    {
        var feed = BuildFeed(newestFirst, siteBase, now, selfPath: "public/feed.atom", AtomContentType, ForAtom);
        // Atom wants an author on the feed unless every entry has one; an article without a byline is the Newsroom's.
        feed.Authors.Add(new SyndicationPerson { Name = FeedTitle });
        return WithPreciseAtomTimes(Write(new Atom10FeedFormatter(feed)), newestFirst, feed.LastUpdatedTime);
    }

    // Atom10FeedFormatter drops fractions of a second, so a correction in the same second as the publication
    // would not move <updated>. RFC 3339 allows fractions; write the exact times back.
    private static string WithPreciseAtomTimes(string xml, IReadOnlyList<PublishedArticle> articles, DateTimeOffset feedUpdated)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var document = XDocument.Parse(xml);
        var byId = articles.ToDictionary(a => $"urn:uuid:{a.Id}");
        document.Root!.Element(atom + "updated")?.SetValue(Rfc3339(feedUpdated));
        foreach (var entry in document.Root.Elements(atom + "entry"))
        {
            if (entry.Element(atom + "id")?.Value is not { } id || !byId.TryGetValue(id, out var article)) continue;
            entry.Element(atom + "published")?.SetValue(Rfc3339(article.PublishedAt!.Value));
            entry.Element(atom + "updated")?.SetValue(Rfc3339(article.UpdatedAt ?? article.PublishedAt!.Value));
        }

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings)) document.Save(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Rfc3339(DateTimeOffset time) => Infrastructure.Iso8601.Utc(time);

    private const string XNamespaceXmlns = "http://www.w3.org/2000/xmlns/";

    private static SyndicationFeed BuildFeed(
        IReadOnlyList<PublishedArticle> newestFirst, Uri siteBase, DateTimeOffset now,
        string selfPath, string contentType, Action<SyndicationItem, PublishedArticle> formatSpecifics)
    {
        var root = SiteRoot(siteBase);

        // Defensive: the query should already have left these out, but a withdrawn article in a feed
        // is a legal problem, not a cosmetic one.
        var live = newestFirst.Where(a => a.EverPublished && !a.Withdrawn && a.PublishedAt is not null).ToList();
        var items = live.Select(a => ToItem(a, root, formatSpecifics)).ToList();

        var feed = new SyndicationFeed(
            FeedTitle, FeedDescription, new Uri(root, "public/articles"), FeedId,
            items.Count == 0 ? now.ToUniversalTime() : items.Max(i => i.LastUpdatedTime),
            items);
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(root, selfPath), contentType.Split(';')[0]));
        return feed;
    }

    private static SyndicationItem ToItem(
        PublishedArticle article, Uri root, Action<SyndicationItem, PublishedArticle> formatSpecifics)
    {
        var published = article.PublishedAt!.Value.ToUniversalTime();
        var item = new SyndicationItem
        {
            // Stable across corrections, so readers update the entry instead of showing it twice.
            Id = $"urn:uuid:{article.Id}",
            Title = new TextSyndicationContent(article.Headline),
            PublishDate = published,
            LastUpdatedTime = article.UpdatedAt?.ToUniversalTime() ?? published
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(
            new Uri(root, "public/articles/" + Uri.EscapeDataString(article.Slug)), "text/html"));

        foreach (var term in article.Tags.Append(article.Category).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct())
            item.Categories.Add(new SyndicationCategory(term));

        formatSpecifics(item, article);
        return item;
    }

    private static void ForAtom(SyndicationItem item, PublishedArticle article)
    {
        item.Summary = new TextSyndicationContent(Summary(article), TextSyndicationContentKind.Plaintext);
        item.Content = SyndicationContent.CreateHtmlContent(article.Html);
        foreach (var name in article.Byline.Where(n => !string.IsNullOrWhiteSpace(n)))
            item.Authors.Add(new SyndicationPerson { Name = name });
    }

    private static void ForRss(SyndicationItem item, PublishedArticle article)
    {
        // Readers treat an RSS description as HTML, so the plain-text summary is HTML-encoded once.
        item.Summary = new TextSyndicationContent(WebUtility.HtmlEncode(Summary(article)));
        // RSS <author> must be an e-mail address; dc:creator is the accepted home for a name.
        foreach (var name in article.Byline.Where(n => !string.IsNullOrWhiteSpace(n)))
            item.ElementExtensions.Add("creator", DublinCore, name);
        if (!string.IsNullOrEmpty(article.Html))
            item.ElementExtensions.Add("encoded", ContentModule, article.Html);
    }

    private static string Summary(PublishedArticle article)
    {
        if (!string.IsNullOrWhiteSpace(article.Standfirst)) return article.Standfirst.Trim();

        var text = Whitespace().Replace(PlainText(article.Html), " ").Trim();
        if (text.Length <= SummaryLength) return text;

        var cut = text.LastIndexOf(' ', SummaryLength);
        return text[..(cut > SummaryLength / 2 ? cut : SummaryLength)].TrimEnd() + "…";
    }

    private static string PlainText(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        using var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        // Block boundaries become spaces so that "<p>a</p><p>b</p>" does not read "ab".
        foreach (var block in document.Body!.QuerySelectorAll("p, li, br, h2, h3, h4, h5, h6, td, th, blockquote, figcaption, pre"))
            block.Append(document.CreateTextNode(" "));
        return document.Body.TextContent;
    }

    private static Uri SiteRoot(Uri siteBase)
    {
        if (!siteBase.IsAbsoluteUri)
            throw new ArgumentException("The site base must be an absolute URI.", nameof(siteBase));
        // Without the trailing slash, new Uri(base, "public/...") would replace the last path segment.
        return siteBase.AbsoluteUri.EndsWith('/') ? siteBase : new Uri(siteBase.AbsoluteUri + "/");
    }

    private static string Write(SyndicationFeedFormatter formatter)
    {
        // A StringWriter would make the XML declaration say utf-16; the bytes are what the declaration describes.
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            formatter.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [GeneratedRegex(@"(<(?:pubDate|lastBuildDate)>[^<]* )Z<")]
    private static partial Regex MilitaryUtcZone();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
