using System.Net;
using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Newsroom.Tests.Integration;

/// <summary>
/// A host of its own, configured with a tiny limit, so the shared host keeps the default. 10.0.0.5 is the
/// trusted reverse proxy (ForwardedHeaders__KnownProxies__0); the test server has no remote address of its
/// own, so each anonymous request below says which peer it arrives from.
/// </summary>
public class rate_limiting : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        _host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("RateLimiting:PermitsPerMinute", "3");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
            Contract.AnswerRecorder.Install(builder);
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task a_caller_over_the_limit_gets_429_with_retry_after_while_others_go_on()
    {
        var api = new Api(_host);
        var replies = new List<Reply>();
        for (var i = 0; i < 5; i++) replies.Add(await api.Get("/api/articles", Users.Alice));

        replies.Take(3).ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        var limited = replies.Last();
        limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");

        var raw = await _host.Server.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/articles")
            { Headers = { Authorization = new("Bearer", Users.Alice.Token()) } });
        raw.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        raw.Headers.RetryAfter.ShouldNotBeNull();
        raw.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        (await api.Get("/api/articles", Users.Bob)).Status.ShouldBe(HttpStatusCode.OK);
    }

    // The limit is 3 a minute: 3 at once, then one more every 20 s, so within a test a caller gets 3.
    private const int Burst = 6;

    [Fact]
    public async Task readers_behind_the_trusted_proxy_are_limited_each_by_their_own_address_not_as_one()
    {
        // Twenty readers through the proxy, two requests each: forty requests from one peer, none refused.
        var statuses = new List<int>();
        for (var round = 0; round < 2; round++)
            for (var reader = 1; reader <= 20; reader++)
                statuses.Add(await Anonymous("/public/articles", peer: Proxy, forwardedFor: $"203.0.113.{reader}"));
        statuses.ShouldAllBe(s => s == 200);

        // One reader is still one caller, and what it claims left of the proxy's entry changes nothing:
        // the chain is read from the right, where the proxy wrote the address it saw.
        var one = new List<int>();
        for (var i = 0; i < Burst; i++)
            one.Add(await Anonymous("/public/articles", peer: Proxy, forwardedFor: $"198.18.0.{i + 1}, 203.0.113.77"));
        one.ShouldBe([200, 200, 200, 429, 429, 429]);
    }

    [Fact]
    public async Task forwarded_for_from_an_untrusted_peer_is_ignored_and_its_requests_share_the_peer_bucket()
    {
        const string stranger = "198.51.100.7";
        var statuses = new List<int>();
        for (var i = 0; i < Burst; i++)
            statuses.Add(await Anonymous("/public/articles", peer: stranger, forwardedFor: $"203.0.113.{100 + i}"));
        statuses.ShouldBe([200, 200, 200, 429, 429, 429]);
        // Without the header, the stranger is the same caller.
        (await Anonymous("/public/articles", peer: stranger, forwardedFor: null)).ShouldBe(429);

        // Another peer has a bucket of its own.
        (await Anonymous("/public/articles", peer: "198.51.100.8", forwardedFor: null)).ShouldBe(200);
    }

    [Fact]
    public async Task a_public_page_served_from_the_cache_is_not_counted()
    {
        var api = new Api(_host);
        var headline = "Rate limit page " + Guid.NewGuid().ToString("N")[..8];
        // Alice creates and submits, Rita approves, Paul publishes: within each one's limit of three.
        var published = await api.Published(content: new { headline, desk = "world", byline = new[] { "A" }, body = Api.CompleteDraftBody("Lead.") });
        var page = $"/public/articles/{published.Str("slug")}";
        // Until the public projection has it the page is 404; each probe comes from a reader of its own.
        var probe = 0;
        await Eventually.Get(() => Anonymous(page, Proxy, $"192.0.2.{++probe % 250 + 1}"), status => status == 200,
            TimeSpan.FromSeconds(30), "the public page");

        // Now cached: one reader reads it twenty times with a limit of three.
        for (var i = 0; i < 20; i++) (await Anonymous(page, Proxy, "203.0.113.250")).ShouldBe(200);
        // The same reader's uncached requests are still counted.
        var uncached = new List<int>();
        for (var i = 0; i < Burst; i++) uncached.Add(await Anonymous("/public/articles", Proxy, "203.0.113.250"));
        // Twenty counted reads would have left none of the three permits. At most one of the twenty may have been a
        // miss (the page can be evicted once more when the projection's last notice arrives late): at least two left.
        uncached.Count(status => status == 200).ShouldBeGreaterThanOrEqualTo(2, string.Join(",", uncached));
        uncached.SkipWhile(status => status == 200).ShouldAllBe(status => status == 429);
        uncached.ShouldContain(429);
    }

    private async Task<int> Anonymous(string url, string peer, string? forwardedFor)
    {
        var result = await _host.Scenario(s =>
        {
            s.Get.Url(url);
            s.ConfigureHttpContext(http => http.Connection.RemoteIpAddress = IPAddress.Parse(peer));
            if (forwardedFor is not null) s.WithRequestHeader("X-Forwarded-For", forwardedFor);
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }
}
