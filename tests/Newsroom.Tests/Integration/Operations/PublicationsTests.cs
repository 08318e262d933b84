using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Newsroom.Tests.Integration;

/// <summary>
/// A media group's two publications in one service, each in its own database (ADR 0033): "daily" on the shared
/// test cluster, "sport" on a cluster of the test's own so that it can be stopped; Wolverine's node registry and
/// the nodes' channels in a third, main database. The tenant comes from the token's <c>publication</c> claim and,
/// for readers, from the host name.
/// </summary>
public class a_publication_per_database(a_publication_per_database.TwoPublications service, ITestOutputHelper output)
    : IClassFixture<a_publication_per_database.TwoPublications>
{
    private const string DailyHost = "daily.example";
    private const string SportHost = "sport.example";

    /// <summary>One host and one extra cluster for the class (a cluster per test was seven initdbs and seven hosts).</summary>
    public sealed class TwoPublications : IAsyncLifetime
    {
        public LocalPostgres SportServer { get; private set; } = null!;
        public WebhookReceiver Receiver { get; private set; } = null!;
        public IAlbaHost Host { get; private set; } = null!;
        public string DailyDatabase { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            SportServer = await LocalPostgres.StartAsync(57300);
            var main = await OwnDatabase.CreateAsync("main");
            var daily = DailyDatabase = await OwnDatabase.CreateAsync("daily");
            var sport = await SportServer.CreateDatabaseAsync("sport");
            Receiver = await WebhookReceiver.StartAsync();
            Host = await AppFixture.StartHostAsync(Receiver, b =>
            {
                b.UseSetting("ConnectionStrings:Newsroom", main);
                b.UseSetting("Publications:daily:ConnectionString", daily);
                b.UseSetting("Publications:daily:Hosts:0", DailyHost);
                b.UseSetting("Publications:daily:Name", "The Daily");
                b.UseSetting("Publications:sport:ConnectionString", sport);
                b.UseSetting("Publications:sport:Hosts:0", SportHost);
                b.UseSetting("Publications:sport:Name", "Sport Weekly");
            });
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Receiver.DisposeAsync();
            await SportServer.DisposeAsync();
        }
    }

    private readonly Api _api = new(service.Host);

    private static Task<Reply> Public(Api api, string host, string path) => api.Get($"http://{host}{path}", null);

    private async Task<JsonObject> PublishedIn(string publication, string headline)
    {
        var draft = await Created(publication, headline);
        var inReview = await Api.Ok(_api.Post($"/api/articles/{draft.Id()}/submit", Users.Alice.Of(publication), new { version = draft.Version() }));
        var approved = await Api.Ok(_api.Post($"/api/articles/{draft.Id()}/approve", Users.Rita.Of(publication),
            new { version = inReview.Version(), revision = inReview.Revision() }));
        return await Api.Ok(_api.Post($"/api/articles/{draft.Id()}/publish", Users.Paul.Of(publication), new { version = approved.Version() }));
    }

    private async Task<JsonObject> Created(string publication, string headline)
    {
        var reply = await _api.Send(HttpMethod.Post, "/api/articles", Users.Alice.Of(publication), Api.CompleteDraft(headline));
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return reply.Json;
    }

    [Fact]
    public async Task nothing_of_one_publication_is_visible_from_the_other()
    {
        var story = await PublishedIn("daily", "Council approves the new harbour bridge");
        var id = story.Id();
        var slug = story.Str("slug");

        // The editorial API: the other publication's token finds nothing under that id.
        (await _api.Get($"/api/articles/{id}", Users.Paul.Of("daily"))).Status.ShouldBe(HttpStatusCode.OK);
        (await _api.Get($"/api/articles/{id}", Users.Paul.Of("sport"))).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get($"/api/articles/{id}/history", Users.Aude.Of("sport"))).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await _api.Post($"/api/articles/{id}/withdraw", Users.Paul.Of("sport"), new { version = story.Version(), reason = "Across publications" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        var sportList = await Api.Ok(_api.Get("/api/articles?limit=200", Users.Paul.Of("sport")));
        sportList.Items().Select(a => a!["id"]!.GetValue<string>()).ShouldNotContain(id.ToString());
        var sportAudit = await _api.Get($"/api/audit?articleId={id}", Users.Aude.Of("sport"));
        sportAudit.Status.ShouldBe(HttpStatusCode.OK, sportAudit.Text);
        sportAudit.Text.ShouldNotContain(id.ToString());

        // The public site: the daily's host serves it, with its own URL; the sport host does not know it.
        var page = await Eventually.Get(() => Public(_api, DailyHost, $"/public/articles/{slug}"), r => r.Status == HttpStatusCode.OK,
            what: "the daily's public page");
        page.Json.Str("url").ShouldBe($"https://{DailyHost}/public/articles/{slug}");
        (await Public(_api, SportHost, $"/public/articles/{slug}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Public(_api, SportHost, "/public/feed.atom")).Text.ShouldNotContain(slug);
        (await Public(_api, DailyHost, "/public/feed.atom")).Text.ShouldContain(slug);
        foreach (var path in new[] { $"/public/articles/{slug}", "/public/articles", "/public/feed.rss", "/public/feed.atom" })
            (await Public(_api, "elsewhere.example", path)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found")
                .Json.Str("detail").ShouldContain("elsewhere.example");

        // The same slug is free in the other publication: its own story under that headline gets it unchanged.
        var twin = await PublishedIn("sport", "Council approves the new harbour bridge");
        twin.Str("slug").ShouldBe(slug);
        twin.Id().ShouldNotBe(id);
    }

    /// <summary>A browser signed in to the desk as a demo user of one publication (Development's demo sign-in).</summary>
    private async Task<HttpClient> DeskSignedInAsync(string user, string publication)
    {
        var browser = new HttpClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(new CookieContainer())
            { InnerHandler = service.Host.Server.CreateHandler() }) { BaseAddress = new Uri("http://localhost/") };
        var signIn = await browser.GetStringAsync("desk/sign-in");
        signIn.ShouldContain("Demo users of The Daily");
        signIn.ShouldContain("Demo users of Sport Weekly");
        var signedIn = await browser.PostAsync("desk/sign-in?handler=Demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/desk", ["user"] = user, ["publication"] = publication, [DeskForms.TokenField] = DeskForms.AntiforgeryToken(signIn)
        }));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        return browser;
    }

    [Fact]
    public async Task the_desk_signs_in_to_one_publication_and_shows_only_its_articles()
    {
        var daily = await Created("daily", "Budget vote delayed again");
        var sport = await Created("sport", "Marathon route announced");

        using var browser = await DeskSignedInAsync("alice", "sport");
        var board = WebUtility.HtmlDecode(await browser.GetStringAsync("desk"));
        board.ShouldContain("Newsroom · Sport Weekly");
        board.ShouldContain("Marathon route announced");
        board.ShouldNotContain("Budget vote delayed again");
        (await browser.GetAsync($"desk/articles/{daily.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"desk/articles/{sport.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task an_open_desk_hears_only_of_its_own_publications_changes()
    {
        using var browser = await DeskSignedInAsync("alice", "sport");
        using var live = await browser.GetAsync("desk/live", HttpCompletionOption.ResponseHeadersRead);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await live.Content.ReadAsStreamAsync());
        (await reader.ReadLineAsync()).ShouldBe(": live");

        var daily = await Created("daily", "Ferry strike called off");
        var sport = await Created("sport", "Ferry race postponed");
        var heard = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!heard.Contains(sport.Id().ToString()))
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The live stream ended.");
            if (line.StartsWith("data: ", StringComparison.Ordinal)) heard.AddRange(line["data: ".Length..].Split(','));
        }
        heard.ShouldNotContain(daily.Id().ToString());
        heard.ShouldAllBe(id => !id.Contains(' '), "a page receives bare ids, never another publication's name");
    }

    [Fact]
    public async Task a_command_sends_no_wake_up_into_a_publications_database_where_nobody_listens()
    {
        // A publication's daemon polls (ADR 0033), so a NOTIFY there after each commit would be a wasted round trip.
        await using var listener = new NpgsqlConnection(service.DailyDatabase);
        await listener.OpenAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Channel);
        await using (var listen = new NpgsqlCommand($"LISTEN {Newsroom.Infrastructure.Persistence.EventAppendSignal.Channel}", listener))
            await listen.ExecuteNonQueryAsync();

        var draft = await Created("daily", "Harbour bridge reopens");
        (await _api.Get($"/api/articles/{draft.Id()}", Users.Alice.Of("daily"))).Status.ShouldBe(HttpStatusCode.OK);
        // The signal is sent right after the commit when it is sent at all; a second is ample to hear it.
        while (await listener.WaitAsync(TimeSpan.FromSeconds(1))) { }
        heard.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_idempotent_create_raced_within_a_publication_answers_with_one_article()
    {
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "race-" + Guid.NewGuid().ToString("N") };
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _api.Send(HttpMethod.Post, "/api/articles", Users.Alice.Of("sport"), Api.CompleteDraft("Relay team named"), headers: headers)));
        foreach (var reply in replies) reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        replies.Select(r => r.Json.Id()).Distinct().Count().ShouldBe(1);
        (await _api.Get($"/api/articles/{replies[0].Json.Id()}", Users.Paul.Of("daily"))).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task each_publications_readers_see_its_own_site()
    {
        var story = await PublishedIn("daily", "Library reopens after the flood");
        var slug = story.Str("slug");
        var html = new Dictionary<string, string> { ["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
        async Task<Reply> Page(string host, string path) => await _api.Send(HttpMethod.Get, $"http://{host}{path}", null, headers: html);

        var article = await Eventually.Get(() => Page(DailyHost, $"/public/articles/{slug}"), r => r.Status == HttpStatusCode.OK,
            what: "the daily's article page");
        article.ContentType.ShouldBe("text/html");
        article.Text.ShouldContain("Library reopens after the flood");
        article.Text.ShouldContain("The Daily");
        article.Text.ShouldContain($"https://{DailyHost}/public/articles/{slug}");
        (await Page(DailyHost, "/")).Text.ShouldContain("Library reopens after the flood");
        (await Page(DailyHost, "/sitemap.xml")).Text.ShouldContain(slug);

        var sportFront = await Page(SportHost, "/");
        sportFront.Status.ShouldBe(HttpStatusCode.OK);
        sportFront.Text.ShouldContain("Sport Weekly");
        sportFront.Text.ShouldNotContain("Library reopens after the flood");
        (await Page(SportHost, "/sitemap.xml")).Text.ShouldNotContain(slug);
        (await Page(SportHost, $"/public/articles/{slug}")).Status.ShouldBe(HttpStatusCode.NotFound);

        // A host no publication uses: a reader gets a page saying so, not JSON.
        var elsewhere = await Page("elsewhere.example", "/");
        elsewhere.Status.ShouldBe(HttpStatusCode.NotFound);
        elsewhere.ContentType.ShouldBe("text/html");
        elsewhere.Text.ShouldContain("No publication is served at elsewhere.example");
    }

    [Fact]
    public async Task a_token_that_names_no_publication_served_here_is_refused()
    {
        (await _api.Get("/api/articles", Users.Paul)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated")
            .Json.Str("detail").ShouldContain("publication");
        (await _api.Get("/api/articles", Users.Paul.Of("gazette"))).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated")
            .Json.Str("detail").ShouldContain("gazette");
        (await _api.Send(HttpMethod.Post, "/api/articles", Users.Alice, Api.CompleteDraft()))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task scheduled_publications_and_webhooks_stay_in_their_publication()
    {
        var draft = await Created("sport", "Derby moved to Sunday");
        var inReview = await Api.Ok(_api.Post($"/api/articles/{draft.Id()}/submit", Users.Alice.Of("sport"), new { version = draft.Version() }));
        var approved = await Api.Ok(_api.Post($"/api/articles/{draft.Id()}/approve", Users.Rita.Of("sport"),
            new { version = inReview.Version(), revision = inReview.Revision() }));
        await Api.Ok(_api.Post($"/api/articles/{draft.Id()}/schedule", Users.Paul.Of("sport"),
            new { version = approved.Version(), publishAt = DateTimeOffset.UtcNow.AddSeconds(2) }));

        // The durable message lives in the sport database and is handled there: the article is published in sport.
        var published = await Eventually.Get(() => _api.Get($"/api/articles/{draft.Id()}", Users.Paul.Of("sport")),
            r => r.Status == HttpStatusCode.OK && r.Json.Status() == "published", TimeSpan.FromSeconds(30), "the scheduled publication in sport");
        var slug = published.Json.Str("slug");
        await Eventually.Get(() => Public(_api, SportHost, $"/public/articles/{slug}"), r => r.Status == HttpStatusCode.OK,
            what: "sport's public page");

        // Its webhook names the publication and links to the publication's site.
        await Eventually.True(() => service.Receiver.For("steady", draft.Id()).Any(h => h.EventType == "article.published"),
            TimeSpan.FromSeconds(30), "the publication's webhook");
        var hook = JsonNode.Parse(service.Receiver.For("steady", draft.Id()).First(h => h.EventType == "article.published").Body)!.AsObject();
        hook["publication"]!.GetValue<string>().ShouldBe("sport");
        hook["article"]!["url"]!.GetValue<string>().ShouldBe($"https://{SportHost}/public/articles/{slug}");
    }

    [Fact]
    public async Task one_database_down_leaves_the_other_publication_fully_working()
    {
        var before = await Created("sport", "Cup draw tonight");
        await service.SportServer.StopAsync();
        try
        {
            // Sport: every request that needs its database answers 503, quickly.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            (await _api.Get($"/api/articles/{before.Id()}", Users.Paul.Of("sport"))).ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "unavailable");
            (await Public(_api, SportHost, "/public/articles")).ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "unavailable");
            // Its readers get a page of the site saying so, with Retry-After (a search: pages already cached are still served).
            var page = await _api.Send(HttpMethod.Get, $"http://{SportHost}/public/search?q=cup{Guid.NewGuid():N}", null,
                headers: new Dictionary<string, string> { ["Accept"] = "text/html,application/xhtml+xml,*/*;q=0.8" });
            page.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            page.ContentType.ShouldBe("text/html");
            page.Text.ShouldContain("Temporarily unavailable");
            page.RetryAfter.ShouldNotBeNull();
            output.WriteLine($"sport answered 503 twice in {watch.Elapsed.TotalSeconds:0.00} s");

            // Daily: the whole story, through the async projection to its public page and its webhook.
            var story = await PublishedIn("daily", "Tram line opens on time");
            await Eventually.Get(() => Public(_api, DailyHost, $"/public/articles/{story.Str("slug")}"), r => r.Status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), "the daily's public page while sport is down");
            await Eventually.True(() => service.Receiver.For("steady", story.Id()).Any(h => h.EventType == "article.published"),
                TimeSpan.FromSeconds(30), "the daily's webhook while sport is down");

            // The node stays ready (the load balancer keeps it), and says which publication is missing.
            var ready = await _api.Get("/health/ready", null);
            ready.Status.ShouldBe(HttpStatusCode.OK, ready.Text);
            ready.Json.Str("status").ShouldBe("degraded");
            ready.Text.ShouldContain("sport");
        }
        finally
        {
            await service.SportServer.RestartAsync();
        }

        // Sport is back without a restart of the service.
        NpgsqlConnection.ClearAllPools();
        var after = await Eventually.Get(() => _api.Get($"/api/articles/{before.Id()}", Users.Paul.Of("sport")),
            r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "sport after its database is back");
        after.Json.Str("headline").ShouldBe("Cup draw tonight");
    }
}
