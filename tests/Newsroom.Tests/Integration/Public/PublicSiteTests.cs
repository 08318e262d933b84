using System.Net;
using System.Text.Json.Nodes;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Public;
using Npgsql;

namespace Newsroom.Tests.Integration;

public class the_public_site(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Story(string headline, string desk = "world", string[]? tags = null, string? body = null) => new
    {
        headline, desk, byline = new[] { "Alice Example" }, tags = tags ?? new[] { "korea" },
        standfirst = $"About {headline}.", body = body ?? Api.CompleteDraftBody($"{headline}.")
    };

    /// <summary>A published article whose public page the projection already has, and that page's path.</summary>
    private async Task<(JsonObject Published, string Url)> PublishedPage(string headline)
    {
        var published = await Api.Published(content: Story(headline));
        await ProjectionsCaughtUp();
        return (published, $"/public/articles/{published.Str("slug")}");
    }

    [Fact]
    public async Task shows_a_published_article_by_slug_without_authentication()
    {
        var published = await Api.Published(content: Story("Harbour bridge reopens"));
        await ProjectionsCaughtUp();

        var page = await Api.Get($"/public/articles/{published.Str("slug")}", null);

        page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
        var json = page.Json;
        json.Str("headline").ShouldBe("Harbour bridge reopens");
        json.Str("standfirst").ShouldBe("About Harbour bridge reopens.");
        json.Str("html").ShouldStartWith("<p>Harbour bridge reopens.");
        json.Str("url").ShouldBe("https://news.example/public/articles/harbour-bridge-reopens");
        json.Str("publishedAt").ShouldEndWith("Z");
        json["byline"]![0]!.GetValue<string>().ShouldBe("Alice Example");
        json["corrections"]!.AsArray().Count.ShouldBe(0);
        json.ContainsKey("body").ShouldBeFalse();
    }

    [Fact]
    public async Task answers_404_for_unknown_and_unpublished_slugs_and_410_once_withdrawn()
    {
        var draft = await Api.Draft(content: Story("Still a draft"));
        var published = await Api.Published(content: Story("Soon withdrawn"));
        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/withdraw", Users.Paul, new { version = published.Version(), reason = "Legal" }));
        await ProjectionsCaughtUp();

        (await Api.Get("/public/articles/no-such-story", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.Get($"/public/articles/{draft.Str("slug")}", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.Get($"/public/articles/{published.Str("slug")}", null)).ShouldBeProblem(HttpStatusCode.Gone, "withdrawn");
        (await Api.Get($"/public/articles/{published.Str("slug")}/ninjs", null)).ShouldBeProblem(HttpStatusCode.Gone, "withdrawn");
        (await Api.Get("/public/articles", null)).Json.Items().Count.ShouldBe(0);
    }

    [Fact]
    public async Task lists_corrections_on_the_public_page_and_moves_updated_at()
    {
        var published = await Api.Published(content: Story("Minister visits"));
        await ProjectionsCaughtUp();
        var before = (await Api.Get($"/public/articles/{published.Str("slug")}", null)).Json;

        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new
        {
            version = published.Version(), note = "The visit is on Thursday, not Wednesday.", standfirst = "The visit is on Thursday."
        }));
        await ProjectionsCaughtUp();

        var after = (await Api.Get($"/public/articles/{published.Str("slug")}", null)).Json;
        after.Str("standfirst").ShouldBe("The visit is on Thursday.");
        after["corrections"]![0]!["note"]!.GetValue<string>().ShouldBe("The visit is on Thursday, not Wednesday.");
        DateTimeOffset.Parse(after.Str("updatedAt")).ShouldBeGreaterThan(DateTimeOffset.Parse(before.Str("updatedAt")));
        after.Str("publishedAt").ShouldBe(before.Str("publishedAt"));
    }

    [Fact]
    public async Task serves_repeat_reads_from_memory_and_drops_a_page_as_soon_as_it_changes()
    {
        var (published, url) = await PublishedPage("Ferry timetable changes");
        using var http = Host.Server.CreateClient();

        using var first = await http.GetAsync(url);
        using var second = await http.GetAsync(url);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Age.ShouldBeNull();
        second.Headers.Age.ShouldNotBeNull();   // the output cache marks what it served
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());

        // A reader with credentials always gets a fresh answer.
        using var authenticated = new HttpRequestMessage(HttpMethod.Get, url);
        authenticated.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Users.Alice.Token());
        (await http.SendAsync(authenticated)).Headers.Age.ShouldBeNull();

        // A correction evicts the page on the node that projected it: the next read has it.
        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new
        {
            version = published.Version(), note = "Departures move to 7:15.", standfirst = "Departures move to 7:15."
        }));
        await ProjectionsCaughtUp();
        // (Within half the cache lifetime, so it is the eviction and not the expiry that shows it.)
        await Eventually.Get(async () => (await Api.Get(url, null)).Json.Str("standfirst"), s => s == "Departures move to 7:15.",
            TimeSpan.FromMilliseconds(500), "the corrected page");
    }

    [Fact]
    public async Task tells_the_other_nodes_which_pages_changed_and_drops_pages_they_report()
    {
        var (published, url) = await PublishedPage("Tram strike called off");
        var slug = published.Str("slug");

        // Listening as another node would: the corrected page's slug arrives on the channel.
        await using var otherNode = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Newsroom"));
        await otherNode.OpenAsync();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        otherNode.Notification += (_, n) => { if (n.Payload.Split('\n').Contains(slug)) heard.TrySetResult(); };
        await using (var listen = new NpgsqlCommand($"LISTEN {PublicPageInvalidation.Channel}", otherNode))
            await listen.ExecuteNonQueryAsync();
        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new
        {
            version = published.Version(), note = "Trams run as normal.", standfirst = "Trams run as normal."
        }));
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!heard.Task.IsCompleted && DateTime.UtcNow < until) await otherNode.WaitAsync(TimeSpan.FromMilliseconds(100));
        heard.Task.IsCompleted.ShouldBeTrue("the slug was announced on the invalidation channel");

        // And this node drops its copy when another node announces a change.
        await ProjectionsCaughtUp();
        using var http = Host.Server.CreateClient();
        // Cached once the correction's own eviction has arrived (late, on a loaded machine): a page rendered across
        // an eviction is not kept, so ask until an answer comes from the cache.
        var cached = false;
        for (var attempt = 0; attempt < 100 && !cached; attempt++)
        {
            using var response = await http.GetAsync(url);
            cached = response.Headers.Age is not null;
            if (!cached) await Task.Delay(20);
        }
        cached.ShouldBeTrue("the page was served from this node's cache");
        await using (var notify = new NpgsqlCommand($"select pg_notify('{PublicPageInvalidation.Channel}', 'another-page\n' || @slug)", otherNode))
        {
            notify.Parameters.AddWithValue("slug", slug);
            await notify.ExecuteNonQueryAsync();
        }
        var fresh = false;
        for (var attempt = 0; attempt < 50 && !fresh; attempt++)
        {
            using var response = await http.GetAsync(url);
            fresh = response.Headers.Age is null;
            if (!fresh) await Task.Delay(10);
        }
        fresh.ShouldBeTrue("the page was rendered again after the announced change");
    }

    [Fact]
    public async Task caches_nothing_while_it_cannot_hear_of_changes_and_starts_afresh_when_it_can()
    {
        var (_, url) = await PublishedPage("Library hours extended");
        using var http = Host.Server.CreateClient();
        var invalidation = Host.Services.GetRequiredService<PublicPageInvalidation>();
        async Task<bool> Cached() { using var r = await http.GetAsync(url); return r.Headers.Age is not null; }
        async Task Until(Func<bool> condition, string what)
        {
            for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
            condition().ShouldBeTrue(what);
        }
        await Until(() => invalidation.Listening, "listening at first");
        await Cached();
        (await Cached()).ShouldBeTrue();

        // The channel's connection is cut, as a failover or a network fault would.
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Newsroom")))
        {
            await admin.OpenAsync();
            await using var cut = new NpgsqlCommand("select pg_terminate_backend(pid) from pg_stat_activity " +
                "where application_name = @name and datname = current_database()", admin);
            cut.Parameters.AddWithValue("name", PublicPageInvalidation.ApplicationName);
            (await cut.ExecuteScalarAsync()).ShouldBe(true);
        }
        await Until(() => !invalidation.Listening, "deaf after the cut");
        (await Cached()).ShouldBeFalse();   // what was cached is gone
        (await Cached()).ShouldBeFalse();   // and nothing new is kept (the node retries after a second)

        await Until(() => invalidation.Listening, "listening again");
        (await Cached()).ShouldBeFalse();
        (await Cached()).ShouldBeTrue();
    }

    [Fact]
    public async Task keeps_no_public_document_for_drafts_and_a_rebuild_gives_identical_pages()
    {
        var draft = await Api.Draft(content: Story("Never published"));
        var corrected = await Api.Published(content: Story("Corrected later"));
        await Api.Ok(Api.Post($"/api/articles/{corrected.Id()}/corrections", Users.Paul, new
        {
            version = corrected.Version(), note = "Spelling.", headline = "Corrected later, spelled right"
        }));
        var withdrawn = await Api.Published(content: Story("Withdrawn later"));
        await Api.Ok(Api.Post($"/api/articles/{withdrawn.Id()}/withdraw", Users.Paul, new { version = withdrawn.Version(), reason = "Legal" }));
        await ProjectionsCaughtUp();

        async Task<string> Snapshot() =>
            (await Api.Get("/public/articles", null)).Text + (await Api.Get($"/public/articles/{corrected.Str("slug")}", null)).Text
            + (await Api.Get($"/public/articles/{corrected.Str("slug")}/ninjs", null)).Text;
        var before = await Snapshot();
        await using (var session = Store.QuerySession())
            (await session.LoadAsync<PublishedArticle>(draft.Id())).ShouldBeNull();

        await using (var session = Store.LightweightSession())
        {
            session.DeleteWhere<Newsroom.Public.PublishedArticle>(_ => true);
            await session.SaveChangesAsync();
        }
        using (var daemon = await Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<Newsroom.Public.PublishedArticleProjection>(TimeSpan.FromSeconds(60), CancellationToken.None);
        await ProjectionsCaughtUp();
        await Host.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>()
            .EvictByTagAsync(Newsroom.Public.PublicPageCache.AllPagesTag, default);

        (await Snapshot()).ShouldBe(before);
        (await Api.Get($"/public/articles/{withdrawn.Str("slug")}", null)).ShouldBeProblem(HttpStatusCode.Gone, "withdrawn");
    }

    [Fact]
    public async Task never_shows_an_unpublished_revision()
    {
        var published = await Api.Published(content: Story("Original text"));
        var inReview = await Api.InReview(content: Story("Unrelated draft"));
        await ProjectionsCaughtUp();

        var page = (await Api.Get($"/public/articles/{published.Str("slug")}", null)).Json;
        page.Str("headline").ShouldBe("Original text");
        (await Api.Get("/public/articles", null)).Json.Items().Select(i => i!["headline"]!.GetValue<string>()).ShouldBe(["Original text"]);
        inReview.ShouldNotBeNull();
    }

    [Fact]
    public async Task lists_newest_first_filters_by_desk_and_tag_and_pages()
    {
        await Api.Published(content: Story("First story", tags: ["weather"]));
        await Api.Published(content: Story("Second story", tags: ["korea", "weather"]));
        await Api.Published(editor: Users.Eve, content: Story("Politics story", desk: "politics"));
        await ProjectionsCaughtUp();

        Headlines(await Api.Get("/public/articles", null)).ShouldBe(["Politics story", "Second story", "First story"]);
        Headlines(await Api.Get("/public/articles?desk=world", null)).ShouldBe(["Second story", "First story"]);
        Headlines(await Api.Get("/public/articles?tag=weather", null)).ShouldBe(["Second story", "First story"]);

        var page1 = await Api.Get("/public/articles?limit=2", null);
        Headlines(page1).ShouldBe(["Politics story", "Second story"]);
        var page2 = await Api.Get($"/public/articles?limit=2&cursor={page1.Json["next"]!.GetValue<string>()}", null);
        Headlines(page2).ShouldBe(["First story"]);
        page2.Json["next"].ShouldBeNull();
        (await Api.Get("/public/articles?limit=500", null)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task searches_full_text_with_headline_matches_first()
    {
        await Api.Published(content: Story("Budget vote tonight", body: Api.CompleteDraftBody("Parliament meets.")));
        await Api.Published(content: Story("Harbour news", body: Api.CompleteDraftBody("The harbour authority discussed the budget for dredging.")));
        await Api.Published(content: Story("Weather", body: Api.CompleteDraftBody("Sunny skies.")));
        await ProjectionsCaughtUp();

        Headlines(await Api.Get("/public/articles?q=budget", null)).ShouldBe(["Budget vote tonight", "Harbour news"]);
        Headlines(await Api.Get("/public/articles?q=dredging", null)).ShouldBe(["Harbour news"]);
        Headlines(await Api.Get("/public/articles?q=budgets", null)).ShouldBe(["Budget vote tonight", "Harbour news"]); // stemmed
        Headlines(await Api.Get("/public/articles?q=%22nothing%20matches%22%20or%20(", null)).ShouldBeEmpty();

        var paged = await Api.Get("/public/articles?q=budget&limit=1", null);
        Headlines(paged).ShouldBe(["Budget vote tonight"]);
        Headlines(await Api.Get($"/public/articles?q=budget&limit=1&cursor={paged.Json["next"]!.GetValue<string>()}", null)).ShouldBe(["Harbour news"]);
    }

    [Fact]
    public async Task no_hostile_markup_survives_to_the_public_html()
    {
        var hostile = string.Join("\n\n",
            "Intro paragraph with **bold** text.",
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<p style=\"position:fixed;top:0\">overlay</p>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)></svg>") + " " + Api.CompleteDraftBody("");
        var published = await Api.Published(content: Story("Hostile body", body: hostile));
        await ProjectionsCaughtUp();

        var html = (await Api.Get($"/public/articles/{published.Str("slug")}", null)).Json.Str("html");

        html.ShouldContain("<strong>bold</strong>");
        foreach (var bad in new[] { "<script", "onerror", "onload", "javascript:", "style=", "<iframe", "<svg" })
            html.ShouldNotContain(bad, Case.Insensitive);
    }

    private static List<string> Headlines(Reply reply)
    {
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json.Items().Select(i => i!["headline"]!.GetValue<string>()).ToList();
    }
}

public class the_feeds(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task are_valid_rss_and_atom_with_stable_ids_and_moving_updates()
    {
        var published = await Api.Published(content: new
        {
            headline = "Fish & chips < caviar: “Lý Hồng Trung” speaks", desk = "world", byline = new[] { "A" },
            body = Api.CompleteDraftBody("Text.")
        });
        await ProjectionsCaughtUp();
        var rss1 = await Feed("/public/feed.rss", "application/rss+xml");
        var atom1 = await Feed("/public/feed.atom", "application/atom+xml");

        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul,
            new { version = published.Version(), note = "Typo", standfirst = "Corrected standfirst" }));
        await ProjectionsCaughtUp();
        var rss2 = await Feed("/public/feed.rss", "application/rss+xml");
        var atom2 = await Feed("/public/feed.atom", "application/atom+xml");

        XDocument.Parse(rss1.Text).Root!.Name.LocalName.ShouldBe("rss");
        XDocument.Parse(atom1.Text).Root!.Name.NamespaceName.ShouldBe("http://www.w3.org/2005/Atom");

        var rssItem1 = Load(rss1).Items.Single();
        var rssItem2 = Load(rss2).Items.Single();
        rssItem1.Title.Text.ShouldBe("Fish & chips < caviar: “Lý Hồng Trung” speaks");
        rssItem1.Id.ShouldBe(rssItem2.Id);
        rssItem1.Links.Single().Uri.ToString().ShouldBe("https://news.example/public/articles/" + published.Str("slug"));

        var atomItem1 = Load(atom1).Items.Single();
        var atomItem2 = Load(atom2).Items.Single();
        atomItem1.Id.ShouldBe(atomItem2.Id);
        atomItem1.PublishDate.ShouldBe(atomItem2.PublishDate);
        // SyndicationFeed reads whole seconds only; the RFC 3339 text carries the exact time.
        EntryTime(atom2, "updated").ShouldBeGreaterThan(EntryTime(atom1, "updated"));
        EntryTime(atom2, "published").ShouldBe(EntryTime(atom1, "published"));
    }

    private async Task<Reply> Feed(string url, string contentType)
    {
        var reply = await Api.Get(url, null);
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply.ContentType.ShouldBe(contentType);
        return reply;
    }

    private static DateTimeOffset EntryTime(Reply atom, string element)
    {
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var text = XDocument.Parse(atom.Text).Root!.Element(ns + "entry")!.Element(ns + element)!.Value;
        text.ShouldEndWith("Z");
        return DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SyndicationFeed Load(Reply reply)
    {
        using var reader = XmlReader.Create(new StringReader(reply.Text));
        return SyndicationFeed.Load(reader);
    }
}
