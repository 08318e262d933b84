using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Newsroom.Public;
using Newsroom.Public.Feeds;

namespace Newsroom.Tests.Unit;

/// <summary>Published articles as the public read model holds them, and helpers to read a feed back.</summary>
internal static class SyndicatedArticles
{
    public static readonly Uri Site = new("https://news.example/");
    public static readonly DateTimeOffset Now = new(2026, 7, 30, 12, 0, 0, TimeSpan.Zero);

    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    public static PublishedArticle Article(
        string slug, DateTimeOffset publishedAt, DateTimeOffset? updatedAt = null, string? headline = null) => new()
    {
        Id = Guid.NewGuid(),
        EverPublished = true,
        Slug = slug,
        Headline = headline ?? $"Headline of {slug}",
        Standfirst = $"Standfirst of {slug}.",
        Body = "Body.",
        Html = "<p>Body of the article.</p>",
        Desk = "world",
        Byline = ["Alice Example", "Lý Hồng Trung"],
        Tags = ["korea", "defence"],
        Category = "World",
        PublishedAt = publishedAt,
        UpdatedAt = updatedAt ?? publishedAt,
        PublicVersion = 1
    };

    public static SyndicationFeed Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }

    public static readonly DateTimeOffset Monday = new(2026, 7, 27, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Tuesday = new(2026, 7, 28, 10, 30, 15, TimeSpan.Zero);

    // Newest first, as the query hands them over.
    public static List<PublishedArticle> TwoArticles() =>
    [
        Article("second-story", Tuesday, Tuesday.AddHours(3)),
        Article("first-story", Monday)
    ];
}

public class when_writing_the_rss_feed
{
    private readonly List<PublishedArticle> _articles = SyndicatedArticles.TwoArticles();
    private readonly string _xml;
    private readonly XElement _channel;

    public when_writing_the_rss_feed()
    {
        _xml = FeedWriter.Rss(_articles, SyndicatedArticles.Site, SyndicatedArticles.Now);
        _channel = XDocument.Parse(_xml).Root!.Element("channel")!;
    }

    [Fact]
    public void the_root_is_rss_2_0()
    {
        var root = XDocument.Parse(_xml).Root!;
        root.Name.ShouldBe(XName.Get("rss"));
        root.Attribute("version")!.Value.ShouldBe("2.0");
    }

    [Fact]
    public void it_is_utf8_without_a_byte_order_mark()
    {
        _xml.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        FeedWriter.RssContentType.ShouldBe("application/rss+xml; charset=utf-8");
    }

    [Fact]
    public void the_channel_describes_the_newsroom_with_absolute_links()
    {
        _channel.Element("title")!.Value.ShouldBe("Newsroom");
        _channel.Element("description")!.Value.ShouldNotBeNullOrWhiteSpace();
        _channel.Element("link")!.Value.ShouldBe("https://news.example/public/articles");

        var self = _channel.Elements(SyndicatedArticles.Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        self.Attribute("href")!.Value.ShouldBe("https://news.example/public/feed.rss");
        self.Attribute("type")!.Value.ShouldBe("application/rss+xml");
    }

    [Fact]
    public void there_is_one_item_per_article_in_the_given_order()
    {
        var items = _channel.Elements("item").ToList();

        items.Count.ShouldBe(2);
        items.Select(i => i.Element("link")!.Value).ShouldBe(
        [
            "https://news.example/public/articles/second-story",
            "https://news.example/public/articles/first-story"
        ]);
    }

    [Fact]
    public void the_guid_is_the_article_urn_and_not_a_permalink()
    {
        var guid = _channel.Elements("item").First().Element("guid")!;

        guid.Value.ShouldBe($"urn:uuid:{_articles[0].Id}");
        guid.Attribute("isPermaLink")!.Value.ShouldBe("false");
    }

    [Fact]
    public void pub_date_is_rfc_822_with_a_numeric_zone()
    {
        var pubDate = _channel.Elements("item").Last().Element("pubDate")!.Value;

        pubDate.ShouldBe("Mon, 27 Jul 2026 09:00:00 +0000");
        DateTimeOffset.ParseExact(pubDate, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture)
            .ShouldBe(SyndicatedArticles.Monday);
    }

    [Fact]
    public void last_build_date_is_the_newest_update()
    {
        var lastBuildDate = _channel.Element("lastBuildDate")!.Value;

        DateTimeOffset.ParseExact(lastBuildDate, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture)
            .ShouldBe(SyndicatedArticles.Tuesday.AddHours(3));
    }

    [Fact]
    public void the_description_is_the_standfirst_and_the_full_html_travels_in_content_encoded()
    {
        var item = _channel.Elements("item").First();

        WebUtility.HtmlDecode(item.Element("description")!.Value).ShouldBe("Standfirst of second-story.");
        item.Element(SyndicatedArticles.Content + "encoded")!.Value.ShouldBe("<p>Body of the article.</p>");
    }

    [Fact]
    public void bylines_are_dc_creators_because_rss_author_must_be_an_email()
    {
        var item = _channel.Elements("item").First();

        item.Elements(SyndicatedArticles.DublinCore + "creator").Select(c => c.Value).ShouldBe(["Alice Example", "Lý Hồng Trung"]);
        item.Element("author").ShouldBeNull();
    }

    [Fact]
    public void tags_and_category_are_categories() =>
        _channel.Elements("item").First().Elements("category").Select(c => c.Value).ShouldBe(["korea", "defence", "World"]);

    [Fact]
    public void syndication_feed_reads_it_back()
    {
        var feed = SyndicatedArticles.Load(_xml);

        feed.Title.Text.ShouldBe("Newsroom");
        feed.LastUpdatedTime.ShouldBe(SyndicatedArticles.Tuesday.AddHours(3));
        var items = feed.Items.ToList();
        items.Count.ShouldBe(2);
        items[0].Id.ShouldBe($"urn:uuid:{_articles[0].Id}");
        items[0].Title.Text.ShouldBe("Headline of second-story");
        items[0].PublishDate.ShouldBe(SyndicatedArticles.Tuesday);
        items[0].LastUpdatedTime.ShouldBe(SyndicatedArticles.Tuesday.AddHours(3));
        items[0].Links.Single().Uri.ShouldBe(new Uri("https://news.example/public/articles/second-story"));
        items[1].PublishDate.ShouldBe(SyndicatedArticles.Monday);
    }
}

public class when_writing_the_atom_feed
{
    private static readonly Regex Rfc3339 = new(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$");

    private readonly List<PublishedArticle> _articles = SyndicatedArticles.TwoArticles();
    private readonly string _xml;
    private readonly XElement _feed;

    public when_writing_the_atom_feed()
    {
        _xml = FeedWriter.Atom(_articles, SyndicatedArticles.Site, SyndicatedArticles.Now);
        _feed = XDocument.Parse(_xml).Root!;
    }

    [Fact]
    public void the_root_is_an_atom_feed()
    {
        _feed.Name.ShouldBe(SyndicatedArticles.Atom + "feed");
        _xml.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        FeedWriter.AtomContentType.ShouldBe("application/atom+xml; charset=utf-8");
    }

    [Fact]
    public void the_feed_has_its_id_title_author_and_absolute_links()
    {
        _feed.Element(SyndicatedArticles.Atom + "id")!.Value.ShouldBe("urn:newsroom:feed");
        _feed.Element(SyndicatedArticles.Atom + "title")!.Value.ShouldBe("Newsroom");
        _feed.Element(SyndicatedArticles.Atom + "author")!.Element(SyndicatedArticles.Atom + "name")!.Value.ShouldBe("Newsroom");

        var links = _feed.Elements(SyndicatedArticles.Atom + "link").ToDictionary(l => l.Attribute("rel")!.Value, l => l.Attribute("href")!.Value);
        links["self"].ShouldBe("https://news.example/public/feed.atom");
        links["alternate"].ShouldBe("https://news.example/public/articles");
    }

    [Fact]
    public void updated_is_rfc_3339_and_the_newest_update()
    {
        var updated = _feed.Element(SyndicatedArticles.Atom + "updated")!.Value;

        Rfc3339.IsMatch(updated).ShouldBeTrue(updated);
        updated.ShouldBe("2026-07-28T13:30:15Z");
    }

    [Fact]
    public void each_entry_carries_id_dates_link_authors_categories_and_html_content()
    {
        var entries = _feed.Elements(SyndicatedArticles.Atom + "entry").ToList();
        entries.Count.ShouldBe(2);
        var entry = entries[0];

        entry.Element(SyndicatedArticles.Atom + "id")!.Value.ShouldBe($"urn:uuid:{_articles[0].Id}");
        entry.Element(SyndicatedArticles.Atom + "published")!.Value.ShouldBe("2026-07-28T10:30:15Z");
        entry.Element(SyndicatedArticles.Atom + "updated")!.Value.ShouldBe("2026-07-28T13:30:15Z");
        entry.Element(SyndicatedArticles.Atom + "link")!.Attribute("href")!.Value.ShouldBe("https://news.example/public/articles/second-story");
        entry.Elements(SyndicatedArticles.Atom + "author").Select(a => a.Element(SyndicatedArticles.Atom + "name")!.Value)
            .ShouldBe(["Alice Example", "Lý Hồng Trung"]);
        entry.Elements(SyndicatedArticles.Atom + "category").Select(c => c.Attribute("term")!.Value).ShouldBe(["korea", "defence", "World"]);
        entry.Element(SyndicatedArticles.Atom + "summary")!.Value.ShouldBe("Standfirst of second-story.");

        var content = entry.Element(SyndicatedArticles.Atom + "content")!;
        content.Attribute("type")!.Value.ShouldBe("html");
        content.HasElements.ShouldBeFalse("the HTML must be escaped text, not XML children");
        content.Value.ShouldBe("<p>Body of the article.</p>");
    }

    [Fact]
    public void syndication_feed_reads_it_back()
    {
        var feed = SyndicatedArticles.Load(_xml);

        feed.Id.ShouldBe("urn:newsroom:feed");
        feed.LastUpdatedTime.ShouldBe(SyndicatedArticles.Tuesday.AddHours(3));
        var item = feed.Items.First();
        item.Id.ShouldBe($"urn:uuid:{_articles[0].Id}");
        item.PublishDate.ShouldBe(SyndicatedArticles.Tuesday);
        item.LastUpdatedTime.ShouldBe(SyndicatedArticles.Tuesday.AddHours(3));
        item.Authors.Select(a => a.Name).ShouldBe(["Alice Example", "Lý Hồng Trung"]);
        item.Categories.Select(c => c.Name).ShouldBe(["korea", "defence", "World"]);
        var content = item.Content.ShouldBeOfType<TextSyndicationContent>();
        content.Type.ShouldBe("html");
        content.Text.ShouldBe("<p>Body of the article.</p>");
    }
}

public class when_a_published_article_is_corrected
{
    [Fact]
    public void its_id_stays_and_its_updated_time_moves_forward()
    {
        var article = SyndicatedArticles.Article("story", SyndicatedArticles.Monday);
        var before = SyndicatedArticles.Load(FeedWriter.Atom([article], SyndicatedArticles.Site, SyndicatedArticles.Now)).Items.Single();
        var rssBefore = SyndicatedArticles.Load(FeedWriter.Rss([article], SyndicatedArticles.Site, SyndicatedArticles.Now)).Items.Single();

        article.Headline = "Corrected headline";
        article.UpdatedAt = SyndicatedArticles.Monday.AddDays(1);
        article.PublicVersion = 2;
        var after = SyndicatedArticles.Load(FeedWriter.Atom([article], SyndicatedArticles.Site, SyndicatedArticles.Now)).Items.Single();
        var rssAfter = SyndicatedArticles.Load(FeedWriter.Rss([article], SyndicatedArticles.Site, SyndicatedArticles.Now)).Items.Single();

        after.Id.ShouldBe(before.Id);
        rssAfter.Id.ShouldBe(rssBefore.Id);
        rssAfter.Id.ShouldBe(after.Id);
        after.LastUpdatedTime.ShouldBeGreaterThan(before.LastUpdatedTime);
        after.LastUpdatedTime.ShouldBe(SyndicatedArticles.Monday.AddDays(1));
        after.PublishDate.ShouldBe(before.PublishDate);
        after.Title.Text.ShouldBe("Corrected headline");
    }
}

public class when_a_headline_has_markup_characters_and_another_script
{
    private const string Headline = "Tom & Jerry <b>\"quoted\"</b> ‘single’ — Lý Hồng Trung, 北京, Москва";
    private const string Html = "<p>AT&amp;T said “no” &lt;script&gt; <a href=\"https://example.org/?a=1&amp;b=2\">x</a></p>";

    private static PublishedArticle Article()
    {
        var article = SyndicatedArticles.Article("tom-and-jerry", SyndicatedArticles.Monday, headline: Headline);
        article.Standfirst = "Fish & chips <cheap>";
        article.Html = Html;
        return article;
    }

    [Fact]
    public void it_round_trips_through_rss()
    {
        var xml = FeedWriter.Rss([Article()], SyndicatedArticles.Site, SyndicatedArticles.Now);
        var item = XDocument.Parse(xml).Root!.Element("channel")!.Element("item")!;

        item.Element("title")!.Value.ShouldBe(Headline);
        WebUtility.HtmlDecode(item.Element("description")!.Value).ShouldBe("Fish & chips <cheap>");
        item.Element(SyndicatedArticles.Content + "encoded")!.Value.ShouldBe(Html);
        SyndicatedArticles.Load(xml).Items.Single().Title.Text.ShouldBe(Headline);
    }

    [Fact]
    public void it_round_trips_through_atom()
    {
        var xml = FeedWriter.Atom([Article()], SyndicatedArticles.Site, SyndicatedArticles.Now);
        var item = SyndicatedArticles.Load(xml).Items.Single();

        item.Title.Text.ShouldBe(Headline);
        item.Summary.Text.ShouldBe("Fish & chips <cheap>");
        ((TextSyndicationContent)item.Content).Text.ShouldBe(Html);
        XDocument.Parse(xml).Descendants(SyndicatedArticles.Atom + "content").Single().HasElements.ShouldBeFalse();
    }
}

public class when_an_article_has_no_standfirst
{
    [Fact]
    public void the_summary_is_the_start_of_its_text()
    {
        var article = SyndicatedArticles.Article("story", SyndicatedArticles.Monday);
        article.Standfirst = null;
        article.Html = "<h2>Seoul</h2><p>First <strong>bold</strong> words.</p><p>" + string.Join(' ', Enumerable.Repeat("word", 200)) + "</p>";

        var summary = SyndicatedArticles.Load(FeedWriter.Atom([article], SyndicatedArticles.Site, SyndicatedArticles.Now)).Items.Single().Summary.Text;

        summary.ShouldStartWith("Seoul First bold words. word word");
        summary.ShouldEndWith("word…");
        summary.Length.ShouldBeLessThanOrEqualTo(301);
    }
}

public class when_there_is_nothing_to_syndicate
{
    [Fact]
    public void the_rss_feed_is_still_valid_and_dated_now()
    {
        var xml = FeedWriter.Rss([], SyndicatedArticles.Site, SyndicatedArticles.Now);

        XDocument.Parse(xml).Root!.Element("channel")!.Elements("item").ShouldBeEmpty();
        var feed = SyndicatedArticles.Load(xml);
        feed.Items.ShouldBeEmpty();
        feed.LastUpdatedTime.ShouldBe(SyndicatedArticles.Now);
    }

    [Fact]
    public void the_atom_feed_is_still_valid_and_dated_now()
    {
        var xml = FeedWriter.Atom([], SyndicatedArticles.Site, SyndicatedArticles.Now);

        XDocument.Parse(xml).Root!.Elements(SyndicatedArticles.Atom + "entry").ShouldBeEmpty();
        var feed = SyndicatedArticles.Load(xml);
        feed.Items.ShouldBeEmpty();
        feed.Id.ShouldBe("urn:newsroom:feed");
        feed.LastUpdatedTime.ShouldBe(SyndicatedArticles.Now);
    }
}

public class when_an_article_is_withdrawn_or_never_published
{
    private static List<PublishedArticle> Articles()
    {
        var withdrawn = SyndicatedArticles.Article("withdrawn", SyndicatedArticles.Tuesday);
        withdrawn.Withdrawn = true;
        withdrawn.WithdrawnAt = SyndicatedArticles.Tuesday.AddHours(1);
        var neverPublished = SyndicatedArticles.Article("draft", SyndicatedArticles.Tuesday);
        neverPublished.EverPublished = false;
        return [withdrawn, neverPublished, SyndicatedArticles.Article("live", SyndicatedArticles.Monday)];
    }

    [Fact]
    public void rss_leaves_it_out()
    {
        var feed = SyndicatedArticles.Load(FeedWriter.Rss(Articles(), SyndicatedArticles.Site, SyndicatedArticles.Now));

        feed.Items.Select(i => i.Links.Single().Uri.AbsolutePath).ShouldBe(["/public/articles/live"]);
    }

    [Fact]
    public void atom_leaves_it_out_and_its_times_do_not_date_the_feed()
    {
        var feed = SyndicatedArticles.Load(FeedWriter.Atom(Articles(), SyndicatedArticles.Site, SyndicatedArticles.Now));

        feed.Items.Select(i => i.Links.Single().Uri.AbsolutePath).ShouldBe(["/public/articles/live"]);
        feed.LastUpdatedTime.ShouldBe(SyndicatedArticles.Monday);
    }
}

public class when_the_site_lives_under_a_path
{
    [Fact]
    public void links_keep_the_path_with_or_without_a_trailing_slash()
    {
        foreach (var site in new[] { "https://example.org/news", "https://example.org/news/" })
        {
            var feed = SyndicatedArticles.Load(FeedWriter.Atom([SyndicatedArticles.Article("story", SyndicatedArticles.Monday)], new Uri(site), SyndicatedArticles.Now));

            feed.Items.Single().Links.Single().Uri.ShouldBe(new Uri("https://example.org/news/public/articles/story"));
            feed.Links.Single(l => l.RelationshipType == "self").Uri.ShouldBe(new Uri("https://example.org/news/public/feed.atom"));
        }
    }

    [Fact]
    public void a_relative_site_base_is_refused() =>
        Should.Throw<ArgumentException>(() => FeedWriter.Rss([], new Uri("/news", UriKind.Relative), SyndicatedArticles.Now));
}
