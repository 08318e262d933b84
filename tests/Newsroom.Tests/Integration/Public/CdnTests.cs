using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Newsroom.Tests.Integration.Public;

/// <summary>What a CDN in front of the public site needs: cache lifetimes, surrogate keys, and what to purge when.</summary>
public class a_cdn_in_front_of_the_public_site(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        var response = await Host.Server.CreateClient().GetAsync(url);
        return response;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Fact]
    public async Task reads_the_surrogate_keys_and_lifetimes_of_every_public_answer()
    {
        var published = await Api.Published();
        await ProjectionsCaughtUp();
        var key = $"article-{published.Id():N}";

        foreach (var url in new[] { $"/public/articles/{published.Str("slug")}", $"/public/articles/{published.Str("slug")}/ninjs" })
        {
            var page = await GetAsync(url);
            page.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            Header(page, "Surrogate-Key").ShouldBe(key, url);
            Header(page, "Cache-Tag").ShouldBe(key, url);
            page.Headers.CacheControl!.Public.ShouldBeTrue();
            page.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromSeconds(30));
            page.Headers.CacheControl.SharedMaxAge.ShouldBe(TimeSpan.FromSeconds(300));
        }

        foreach (var url in new[] { "/public/articles", "/public/articles?q=delegation" })
            Header(await GetAsync(url), "Surrogate-Key").ShouldBe("articles", url);
        foreach (var url in new[] { "/public/feed.rss", "/public/feed.atom" })
            Header(await GetAsync(url), "Surrogate-Key").ShouldBe("feeds", url);

        (await GetAsync("/public/articles?limit=0")).Headers.Contains("Surrogate-Key").ShouldBeFalse("a refusal is not cached");
    }

    [Fact]
    public async Task keeps_a_withdrawal_under_the_articles_key()
    {
        var published = await Api.Published();
        var withdrawn = await Api.Ok(Api.Post($"/api/articles/{published.Id()}/withdraw", Users.Paul,
            new { version = published.Version(), reason = "Legal" }));
        withdrawn.Str("status").ShouldBe("withdrawn");
        await ProjectionsCaughtUp();

        var gone = await GetAsync($"/public/articles/{published.Str("slug")}");
        gone.StatusCode.ShouldBe(HttpStatusCode.Gone);
        Header(gone, "Surrogate-Key").ShouldBe($"article-{published.Id():N}");
    }

    [Fact]
    public async Task is_told_what_to_purge_by_publication_correction_and_withdrawal()
    {
        var published = await Api.Published();
        var corrected = await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul,
            new { version = published.Version(), note = "Spelling.", headline = "Corrected headline" }));
        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/withdraw", Users.Paul, new { version = corrected.Version(), reason = "Legal" }));

        var hooks = await Eventually.Get(() => Task.FromResult(Receiver.For("steady", published.Id())), h => h.Count >= 3, what: "three events");
        hooks.Select(h => h.EventType).Order().ShouldBe(["article.corrected", "article.published", "article.withdrawn"]);
        foreach (var hook in hooks)
            JsonNode.Parse(hook.Body)!["purgeKeys"]!.AsArray().Select(k => k!.GetValue<string>())
                .ShouldBe([$"article-{published.Id():N}", "articles", "feeds"], hook.EventType);
    }
}
