using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using System.Text.Json.Nodes;

namespace Newsroom.Tests.Integration;

public class the_readers_site(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    private HttpClient Http { get; } = fixture.Host.Server.CreateClient();

    private static object Story(string headline, string desk = "world", string[]? tags = null, string? body = null, string[]? byline = null) => new
    {
        headline, desk, byline = byline ?? new[] { "Alice Example", "Bob Writer" }, tags = tags ?? new[] { "harbour" },
        standfirst = $"About {headline}.", body = body ?? "# A heading\n\n" + Api.CompleteDraftBody($"{headline}.")
    };

    private async Task<JsonObject> PublishedAndProjected(object content)
    {
        var published = await Api.Published(content: content);
        await ProjectionsCaughtUp();
        return published;
    }

    private static string Path(JsonObject article) => $"/public/articles/{article.Str("slug")}";
    private static string Url(JsonObject article) => $"https://news.example/public/articles/{article.Str("slug")}";

    /// <summary>The article as the public JSON has it (its url and publication time; the editorial JSON has neither).</summary>
    private async Task<JsonNode> PublicJson(JsonObject article) =>
        JsonNode.Parse((await Http.Visit(Path(article), "application/json")).Text)!;

    [Fact]
    public async Task a_browser_gets_the_article_as_a_page_and_an_api_client_keeps_json()
    {
        var published = await PublishedAndProjected(Story("Harbour bridge reopens"));

        var page = (await Http.Visit(Path(published))).ShouldBeHtml(HttpStatusCode.OK);
        var doc = page.Document;
        doc.DocumentElement.GetAttribute("lang").ShouldBe("en");
        doc.QuerySelector("article h1")!.TextContent.ShouldBe("Harbour bridge reopens");
        doc.QuerySelectorAll("h1").Length.ShouldBe(1);
        doc.QuerySelector("article header .standfirst")!.TextContent.ShouldBe("About Harbour bridge reopens.");
        doc.QuerySelector("article .byline")!.TextContent.ShouldBe("By Alice Example and Bob Writer");
        doc.QuerySelector("article header time")!.GetAttribute("datetime").ShouldEndWith("Z");
        doc.QuerySelector("article .body p")!.TextContent.ShouldStartWith("Harbour bridge reopens.");
        doc.QuerySelector("article .body h2")!.TextContent.ShouldBe("A heading");
        doc.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href").ShouldBe("/public/reader.css");
        doc.QuerySelectorAll("script:not([type='application/ld+json'])").Length.ShouldBe(0);

        page.Header("Vary").ShouldBe("Accept");
        page.Header("ETag").ShouldBe("\"h1.1\"");
        page.Header("Cache-Control").ShouldBe("public, max-age=30, s-maxage=300");
        page.Header("Surrogate-Key").ShouldBe($"article-{published.Id():N}");
        (await Http.Visit(Path(published), ifNoneMatch: "\"h1.1\"")).Status.ShouldBe(HttpStatusCode.NotModified);

        // No Accept, */*, JSON, and a JSON client that also takes HTML: the API's JSON, never the page the cache holds.
        foreach (var accept in new[] { null, "*/*", "application/json", "application/json, text/html;q=0.5" })
        {
            var json = await Http.Visit(Path(published), accept);
            json.Status.ShouldBe(HttpStatusCode.OK);
            json.ContentType.ShouldBe("application/json", $"Accept: {accept}");
            JsonNode.Parse(json.Text)!["headline"]!.GetValue<string>().ShouldBe("Harbour bridge reopens");
            json.Header("Vary").ShouldBe("Accept");
            json.Header("ETag").ShouldBe("\"p1\"");
        }
        (await Http.Visit(Path(published))).ShouldBeHtml(HttpStatusCode.OK);
    }

    [Fact]
    public async Task pages_come_from_the_node_cache_apart_from_the_json_and_leave_it_when_anything_they_show_changes()
    {
        var published = await PublishedAndProjected(Story("Ferry timetable changes"));

        (await Http.Visit(Path(published))).Header("Age").ShouldBeNull();
        var cached = await Http.Visit(Path(published));
        cached.Header("Age").ShouldNotBeNull();   // the output cache marks what it served
        cached.ShouldBeHtml(HttpStatusCode.OK);
        var json = await Http.Visit(Path(published), "application/json");
        json.Header("Age").ShouldBeNull();        // its own entry, not the page's
        json.ContentType.ShouldBe("application/json");
        (await Http.Visit("/")).Header("Age").ShouldBeNull();
        (await Http.Visit("/")).Header("Age").ShouldNotBeNull();

        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new
        {
            version = published.Version(), note = "Departures move to 7:15.", standfirst = "Departures move to 7:15."
        }));
        await Api.Published(content: Story("Night ferry returns"));
        await ProjectionsCaughtUp();

        // Within half the cache lifetime, so it is the eviction and not the expiry that shows it.
        await Eventually.Get(async () => (await Http.Visit(Path(published))).Document.QuerySelector(".standfirst")!.TextContent,
            s => s == "Departures move to 7:15.", TimeSpan.FromMilliseconds(500), "the corrected page");
        await Eventually.Get(async () => Headlines((await Http.Visit("/")).Document), h => h.Contains("Night ferry returns"),
            TimeSpan.FromMilliseconds(500), "the front page with the new article");
    }

    [Fact]
    public async Task the_page_carries_its_title_description_canonical_link_social_tags_and_news_article_json_ld()
    {
        var published = await PublishedAndProjected(Story("Ferry timetable changes", tags: ["ferries", "harbour"]));
        var url = (await PublicJson(published))["url"]!.GetValue<string>();
        url.ShouldBe("https://news.example/public/articles/ferry-timetable-changes");

        var doc = (await Http.Visit(Path(published))).ShouldBeHtml(HttpStatusCode.OK).Document;
        doc.Title.ShouldBe("Ferry timetable changes – Newsroom");
        Meta(doc, "name", "description").ShouldBe("About Ferry timetable changes.");
        doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe(url);
        Meta(doc, "property", "og:type").ShouldBe("article");
        Meta(doc, "property", "og:title").ShouldBe("Ferry timetable changes");
        Meta(doc, "property", "og:url").ShouldBe(url);
        Meta(doc, "property", "og:description").ShouldBe("About Ferry timetable changes.");
        Meta(doc, "name", "twitter:card").ShouldBe("summary");
        Meta(doc, "name", "twitter:title").ShouldBe("Ferry timetable changes");

        var ld = JsonLd(doc);
        ld.GetProperty("@context").GetString().ShouldBe("https://schema.org");
        ld.GetProperty("@type").GetString().ShouldBe("NewsArticle");
        ld.GetProperty("headline").GetString().ShouldBe("Ferry timetable changes");
        ld.GetProperty("url").GetString().ShouldBe(url);
        DateTimeOffset.Parse(ld.GetProperty("datePublished").GetString()!).ShouldBe(DateTimeOffset.Parse((await PublicJson(published))["publishedAt"]!.GetValue<string>()), TimeSpan.FromSeconds(1));
        ld.GetProperty("dateModified").GetString().ShouldEndWith("Z");
        ld.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldBe(["Alice Example", "Bob Writer"]);
        ld.GetProperty("author")[0].GetProperty("@type").GetString().ShouldBe("Person");
        ld.GetProperty("publisher").GetProperty("@type").GetString().ShouldBe("Organization");
        ld.GetProperty("publisher").GetProperty("name").GetString().ShouldBe("Newsroom");
        ld.TryGetProperty("correction", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task a_corrected_page_shows_its_corrections_with_dates_and_in_json_ld()
    {
        var published = await PublishedAndProjected(Story("Minister visits harbour"));
        (await Http.Visit(Path(published))).ShouldBeHtml(HttpStatusCode.OK);   // now in the node's cache

        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new
        {
            version = published.Version(), note = "The visit is on Thursday, not Wednesday.", standfirst = "The visit is on Thursday."
        }));
        await ProjectionsCaughtUp();

        var page = (await Http.Visit(Path(published))).ShouldBeHtml(HttpStatusCode.OK);
        page.Header("ETag").ShouldBe("\"h2.1\"");
        var doc = page.Document;
        doc.QuerySelector(".standfirst")!.TextContent.ShouldBe("The visit is on Thursday.");
        var correction = doc.QuerySelector("section.corrections li")!;
        correction.TextContent.ShouldContain("The visit is on Thursday, not Wednesday.");
        correction.QuerySelector("time")!.GetAttribute("datetime").ShouldEndWith("Z");
        doc.QuerySelector("section.corrections h2")!.TextContent.ShouldBe("Corrections");

        var corrections = JsonLd(doc).GetProperty("correction").EnumerateArray().ToList();
        corrections.Count.ShouldBe(1);
        corrections[0].GetProperty("@type").GetString().ShouldBe("CorrectionComment");
        corrections[0].GetProperty("text").GetString().ShouldBe("The visit is on Thursday, not Wednesday.");
        corrections[0].GetProperty("datePublished").GetString().ShouldEndWith("Z");
    }

    [Fact]
    public async Task a_withdrawn_article_answers_410_with_a_short_page_and_unknown_ones_404()
    {
        var published = await PublishedAndProjected(Story("Soon withdrawn"));
        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/withdraw", Users.Paul, new { version = published.Version(), reason = "Legal" }));
        await ProjectionsCaughtUp();

        var gone = (await Http.Visit(Path(published))).ShouldBeHtml(HttpStatusCode.Gone);
        gone.Document.QuerySelector("h1")!.TextContent.ShouldBe("Article withdrawn");
        gone.Document.QuerySelector("main p time")!.GetAttribute("datetime").ShouldEndWith("Z");
        gone.Document.QuerySelector("main")!.TextContent.ShouldContain("This article was withdrawn on");
        gone.Text.ShouldNotContain("Soon withdrawn");
        gone.Header("Surrogate-Key").ShouldBe($"article-{published.Id():N}");
        SecurityHeadersOf(gone);

        var json = await Http.Visit(Path(published), "application/json");
        json.Status.ShouldBe(HttpStatusCode.Gone);
        json.ContentType.ShouldBe("application/problem+json");

        var missing = (await Http.Visit("/public/articles/no-such-story")).ShouldBeHtml(HttpStatusCode.NotFound);
        missing.Document.QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
        Meta(missing.Document, "name", "robots").ShouldBe("noindex");
        SecurityHeadersOf(missing);
        (await Http.Visit("/public/articles/" + new string('x', 300))).ShouldBeHtml(HttpStatusCode.NotFound);
        (await Http.Visit("/public/articles/no-such-story", null)).ContentType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task no_script_from_a_story_body_reaches_the_page()
    {
        // Blank lines between them, so the Markdown link is Markdown (inside an HTML block it would be plain text).
        var body = """
            Hostile copy.

            <script>alert('body')</script>

            <img src="x.png" onerror="alert('img')">

            <a href="javascript:alert('link')">a script link</a>

            [markdown link](javascript:alert('md'))

            <p onclick="alert('p')" style="color:red">styled</p>

            <iframe src="https://evil.example"></iframe><svg><script>alert('svg')</script></svg>

            """ + Api.CompleteDraftBody("The rest is words.");
        var published = await PublishedAndProjected(Story("Hostile copy arrives", body: body));

        var page = (await Http.Visit(Path(published))).ShouldBeHtml(HttpStatusCode.OK);
        var doc = page.Document;
        doc.QuerySelectorAll("script").Select(s => s.GetAttribute("type")).ShouldBe(["application/ld+json"]);
        doc.QuerySelectorAll("iframe, svg, object, embed").Length.ShouldBe(0);
        var attributes = doc.All.SelectMany(e => e.Attributes).ToList();
        attributes.ShouldNotContain(a => a.Name.StartsWith("on"));
        attributes.ShouldNotContain(a => a.Name == "style");
        attributes.ShouldNotContain(a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        page.Text.ShouldNotContain("alert(");
        doc.QuerySelector(".body")!.TextContent.ShouldContain("a script link");
        doc.QuerySelector(".body")!.TextContent.ShouldContain("markdown link");
        SecurityHeadersOf(page);
    }

    [Fact]
    public async Task every_reader_page_carries_the_security_headers()
    {
        var published = await PublishedAndProjected(Story("Security headers everywhere"));
        foreach (var path in new[] { "/", Path(published), "/public/desks/world", "/public/tags/harbour", "/public/search?q=security" })
        {
            var page = (await Http.Visit(path)).ShouldBeHtml(HttpStatusCode.OK);
            SecurityHeadersOf(page);
            (await Http.Visit(path)).Header("Content-Security-Policy").ShouldNotBeNull($"{path} from the cache");
        }
        var css = await Http.Visit("/public/reader.css", "text/css,*/*;q=0.1");
        css.Status.ShouldBe(HttpStatusCode.OK);
        css.ContentType.ShouldBe("text/css");
    }

    [Fact]
    public async Task the_front_desk_and_tag_pages_list_the_newest_and_page_back()
    {
        for (var i = 1; i <= 21; i++)
            await Api.Published(content: Story($"Harbour story {i}", tags: [i % 2 == 0 ? "even" : "odd"]));
        await Api.Published(Users.Eve, Story("Budget passes", desk: "politics", tags: ["budget"]));
        await ProjectionsCaughtUp();

        var front = (await Http.Visit("/")).ShouldBeHtml(HttpStatusCode.OK).Document;
        var headlines = Headlines(front);
        headlines.Count.ShouldBe(20);
        headlines[0].ShouldBe("Budget passes");
        headlines[1].ShouldBe("Harbour story 21");
        front.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe("https://news.example/");
        var older = front.QuerySelector("nav.pages a[rel=next]")!.GetAttribute("href")!;
        var second = (await Http.Visit(older)).ShouldBeHtml(HttpStatusCode.OK).Document;
        Headlines(second).ShouldBe(["Harbour story 2", "Harbour story 1"]);
        second.QuerySelector("nav.pages a[rel=next]").ShouldBeNull();
        Meta(second, "name", "robots").ShouldBe("noindex");
        front.QuerySelector("ol.articles a")!.GetAttribute("href").ShouldBe("https://news.example/public/articles/budget-passes");

        var desk = (await Http.Visit("/public/desks/politics")).ShouldBeHtml(HttpStatusCode.OK).Document;
        Headlines(desk).ShouldBe(["Budget passes"]);
        desk.QuerySelector("h1")!.TextContent.ShouldBe("Politics");
        var tag = (await Http.Visit("/public/tags/even")).ShouldBeHtml(HttpStatusCode.OK).Document;
        Headlines(tag).Count.ShouldBe(10);
        Headlines(tag).ShouldAllBe(h => h.StartsWith("Harbour story"));

        (await Http.Visit("/public/desks/sport")).ShouldBeHtml(HttpStatusCode.NotFound);
        (await Http.Visit("/public/tags/none-such")).ShouldBeHtml(HttpStatusCode.NotFound);
        (await Http.Visit("/?cursor=not-a-cursor")).ShouldBeHtml(HttpStatusCode.BadRequest).Document.QuerySelector("h1")!.TextContent.ShouldBe("Broken link");
        (await Http.Visit("/public/desks/" + new string('d', 250))).ShouldBeHtml(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_search_page_shows_ranked_results_and_refuses_bad_input_kindly()
    {
        await Api.Published(content: Story("Lighthouse keeper retires"));
        await Api.Published(content: Story("Cycle lanes approved"));
        await ProjectionsCaughtUp();

        var found = (await Http.Visit("/public/search?q=lighthouse")).ShouldBeHtml(HttpStatusCode.OK).Document;
        Headlines(found).ShouldBe(["Lighthouse keeper retires"]);
        found.QuerySelector("h1")!.TextContent.ShouldBe("Results for “lighthouse”");
        Meta(found, "name", "robots").ShouldBe("noindex");
        Headlines((await Http.Visit("/public/search?q=cycle")).Document).ShouldBe(["Cycle lanes approved"]);
        (await Http.Visit("/public/search?q=nothing-matches-this")).Document.QuerySelector("main")!.TextContent.ShouldContain("No article matches");
        (await Http.Visit("/public/search")).ShouldBeHtml(HttpStatusCode.OK).Document.QuerySelector("h1")!.TextContent.ShouldBe("Search");

        (await Http.Visit("/public/search?q=" + new string('a', 201))).ShouldBeHtml(HttpStatusCode.BadRequest);
        (await Http.Visit("/public/search?q=x&cursor=o99999")).ShouldBeHtml(HttpStatusCode.BadRequest);
        (await Http.Visit("/public/search?q=x&cursor=nonsense")).ShouldBeHtml(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task the_sitemaps_and_robots_txt_list_what_is_published()
    {
        var kept = await Api.Published(content: Story("Harbour festival opens"));
        var withdrawn = await Api.Published(content: Story("Retracted claim"));
        await Api.Ok(Api.Post($"/api/articles/{withdrawn.Id()}/withdraw", Users.Paul, new { version = withdrawn.Version(), reason = "Legal" }));
        await ProjectionsCaughtUp();

        var sitemap = await Http.Visit("/sitemap.xml", null);
        sitemap.Status.ShouldBe(HttpStatusCode.OK);
        sitemap.ContentType.ShouldBe("application/xml");
        var urls = XDocument.Parse(sitemap.Text).Root!;
        urls.Name.ShouldBe(Sitemap + "urlset");
        var locations = urls.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        locations.ShouldBe(["https://news.example/", Url(kept)]);
        urls.Elements(Sitemap + "url").Last().Element(Sitemap + "lastmod")!.Value.ShouldEndWith("Z");

        var news = XDocument.Parse((await Http.Visit("/news-sitemap.xml", null)).Text).Root!;
        news.Name.ShouldBe(Sitemap + "urlset");
        var item = news.Elements(Sitemap + "url").ShouldHaveSingleItem();
        item.Element(Sitemap + "loc")!.Value.ShouldBe(Url(kept));
        var newsElement = item.Element(News + "news")!;
        newsElement.Element(News + "publication")!.Element(News + "name")!.Value.ShouldBe("Newsroom");
        newsElement.Element(News + "publication")!.Element(News + "language")!.Value.ShouldBe("en");
        DateTimeOffset.Parse(newsElement.Element(News + "publication_date")!.Value).ShouldBe(DateTimeOffset.Parse((await PublicJson(kept))["publishedAt"]!.GetValue<string>()), TimeSpan.FromSeconds(1));
        newsElement.Element(News + "title")!.Value.ShouldBe("Harbour festival opens");

        var robots = await Http.Visit("/robots.txt", null);
        robots.ContentType.ShouldBe("text/plain");
        robots.Text.ShouldContain("Sitemap: https://news.example/sitemap.xml");
        robots.Text.ShouldContain("Sitemap: https://news.example/news-sitemap.xml");
        robots.Text.ShouldContain("Disallow: /desk");

        // Crawlers and link checkers may ask HEAD: the same status and type (Kestrel sends no body for HEAD; the
        // in-memory test server does not strip it, so the body is not checked here).
        using var client = Host.Server.CreateClient();
        foreach (var (path, type) in new[] { ("/", "text/html"), ("/sitemap.xml", "application/xml"), ("/robots.txt", "text/plain") })
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            head.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            head.Content.Headers.ContentType!.MediaType.ShouldBe(type, path);
        }
    }

    [Fact]
    public async Task an_embargoed_and_scheduled_article_appears_nowhere_before_its_publication_and_everywhere_after()
    {
        await PublishedAndProjected(Story("Already out", tags: ["results"]));
        var embargo = DateTimeOffset.UtcNow.AddSeconds(3);
        var approved = await Api.Approved(content: new
        {
            headline = "Election results embargoed", desk = "world", byline = new[] { "Alice Example" }, tags = new[] { "results" },
            standfirst = "The count is complete.", body = Api.CompleteDraftBody("Election results."), embargoUntil = embargo
        });
        await Api.Ok(Api.Post($"/api/articles/{approved.Id()}/schedule", Users.Paul, new { version = approved.Version(), publishAt = embargo.AddSeconds(1) }));
        var slug = approved.Str("slug");
        await ProjectionsCaughtUp();

        // Read every page once before: the lists are then in the node's cache, and must still change at publication.
        (await Everywhere(slug)).ShouldBe([], "before publication");

        await Eventually.Get(() => Http.Visit($"/public/articles/{slug}", "application/json"), v => v.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the scheduled publication");
        await ProjectionsCaughtUp();
        var published = DateTimeOffset.Parse(JsonNode.Parse((await Http.Visit($"/public/articles/{slug}", "application/json")).Text)!["publishedAt"]!.GetValue<string>());
        published.ShouldBeGreaterThanOrEqualTo(embargo);

        (await Everywhere(slug)).ShouldBe(["article page", "front page", "desk page", "tag page", "search page", "sitemap", "news sitemap", "feed"],
            "after publication");
    }

    /// <summary>Where the article shows: its own page (200 versus 404) and each list, sitemap and feed naming it.</summary>
    private async Task<List<string>> Everywhere(string slug)
    {
        var shown = new List<string>();
        var article = await Http.Visit($"/public/articles/{slug}");
        if (article.Status == HttpStatusCode.OK) shown.Add("article page");
        else article.ShouldBeHtml(HttpStatusCode.NotFound);
        foreach (var (name, path) in new[] { ("front page", "/"), ("desk page", "/public/desks/world"), ("tag page", "/public/tags/results"),
                     ("search page", "/public/search?q=election"), ("sitemap", "/sitemap.xml"), ("news sitemap", "/news-sitemap.xml"), ("feed", "/public/feed.atom") })
        {
            var visit = await Http.Visit(path);
            visit.Status.ShouldBe(HttpStatusCode.OK, path);
            if (visit.Text.Contains($"/public/articles/{slug}")) shown.Add(name);
        }
        return shown;
    }

    private static List<string> Headlines(IDocument doc) => doc.QuerySelectorAll("ol.articles h2").Select(h => h.TextContent).ToList();

    private static string? Meta(IDocument doc, string attribute, string name) =>
        doc.QuerySelector($"meta[{attribute}='{name}']")?.GetAttribute("content");

    private static JsonElement JsonLd(IDocument doc)
    {
        var scripts = doc.QuerySelectorAll("script[type='application/ld+json']");
        scripts.Length.ShouldBe(1);
        return JsonDocument.Parse(scripts[0].TextContent).RootElement;
    }

    private static void SecurityHeadersOf(Visit page)
    {
        var csp = page.Header("Content-Security-Policy")!;
        csp.ShouldContain("default-src 'none'");
        csp.ShouldNotContain("script-src");
        csp.ShouldNotContain("unsafe-inline");
        page.Header("X-Content-Type-Options").ShouldBe("nosniff");
        page.Header("Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
    }
}
