using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Newsroom.Tests.Desk;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Public;

/// <summary>
/// The reader's pages in Chromium, as a reader without an account opens them: the desk's fixture (the real service
/// on a real port, its own database), but no sign-in. The browser asks for HTML by itself.
/// </summary>
[Collection(DeskCollection.Name)]
public class reading_the_site_in_a_browser(DeskFixture fixture)
{
    private static object Story(string headline) => new
    {
        headline, desk = "world", byline = new[] { "Alice Example" }, tags = new[] { "harbour" },
        standfirst = $"What {headline.ToLowerInvariant()} means for readers.",
        body = "## What happened\n\n" + Api.CompleteDraftBody($"{headline}.")
    };

    /// <summary>Published through the API, and the public side already has it.</summary>
    private async Task<JsonObject> PublishedAsync(Api api, string headline)
    {
        var published = await api.Published(content: Story(headline));
        await WaitForPublicAsync(api, published, HttpStatusCode.OK);
        return published;
    }

    private static Task WaitForPublicAsync(Api api, JsonObject article, HttpStatusCode status, Func<JsonObject, bool>? when = null) =>
        Eventually.Get(() => api.Get($"/public/articles/{article.Str("slug")}", null),
            r => r.Status == status && (when is null || when(r.Json)), TimeSpan.FromSeconds(30), "the public page");

    private async Task<IPage> ReaderAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl.ToString(),
            JavaScriptEnabled = true,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }   // a phone
        });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task a_published_article_reads_as_a_page_with_headline_standfirst_byline_date_and_body()
    {
        var api = fixture.Api();
        var published = await PublishedAsync(api, "Harbour tunnel opens to cyclists");
        var page = await ReaderAsync();

        var response = await page.GotoAsync($"/public/articles/{published.Str("slug")}");
        response!.Status.ShouldBe(200);
        var article = page.GetByRole(AriaRole.Article);
        await Assertions.Expect(article.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Harbour tunnel opens to cyclists");
        await Assertions.Expect(article.Locator(".standfirst")).ToHaveTextAsync("What harbour tunnel opens to cyclists means for readers.");
        await Assertions.Expect(article.Locator(".byline")).ToHaveTextAsync("By Alice Example");
        (await article.Locator("header time").GetAttributeAsync("datetime")).ShouldNotBeNull().ShouldEndWith("Z");
        await Assertions.Expect(article.GetByRole(AriaRole.Heading, new() { Name = "What happened", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(article.Locator(".body p").First).ToContainTextAsync("Harbour tunnel opens to cyclists.");
        // The stylesheet loaded under the CSP: the page is laid out by it, not by the browser's defaults.
        (await page.Locator("main").EvaluateAsync<string>("m => getComputedStyle(m).maxWidth")).ShouldBe("672px");
        // Readable on a phone: nothing wider than the screen.
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task a_correction_appears_on_the_page()
    {
        var api = fixture.Api();
        var published = await PublishedAsync(api, "Ferry fares rise");
        await Api.Ok(api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new
        {
            version = published.Version(), note = "Fares rise by 5 percent, not 15.", standfirst = "Fares rise by 5 percent."
        }));
        await WaitForPublicAsync(api, published, HttpStatusCode.OK, json => json["corrections"]!.AsArray().Count == 1);
        var page = await ReaderAsync();

        await page.GotoAsync($"/public/articles/{published.Str("slug")}");
        var corrections = page.GetByRole(AriaRole.Region, new() { Name = "Corrections" });
        await Assertions.Expect(corrections).ToContainTextAsync("Fares rise by 5 percent, not 15.");
        (await corrections.Locator("time").GetAttributeAsync("datetime")).ShouldNotBeNull().ShouldEndWith("Z");
    }

    [Fact]
    public async Task a_withdrawn_article_says_it_was_withdrawn()
    {
        var api = fixture.Api();
        var published = await PublishedAsync(api, "Disputed survey results");
        await Api.Ok(api.Post($"/api/articles/{published.Id()}/withdraw", Users.Paul, new { version = published.Version(), reason = "Legal" }));
        await WaitForPublicAsync(api, published, HttpStatusCode.Gone);
        var page = await ReaderAsync();

        var response = await page.GotoAsync($"/public/articles/{published.Str("slug")}");
        response!.Status.ShouldBe(410);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Article withdrawn");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("This article was withdrawn on");
        (await page.ContentAsync()).ShouldNotContain("Disputed survey results");
    }

    [Fact]
    public async Task the_front_page_lists_the_newest_and_leads_to_them()
    {
        var api = fixture.Api();
        var published = await PublishedAsync(api, "Night trains return");
        var page = await ReaderAsync();

        var response = await page.GotoAsync("/");
        response!.Status.ShouldBe(200);
        // The front page may be cached for a moment from an earlier test: wait until it lists this article.
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Night trains return" });
        await Eventually.Get(async () => { await page.ReloadAsync(); return await link.CountAsync(); }, n => n > 0, TimeSpan.FromSeconds(40), "the front page");
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);

        await link.ClickAsync();
        await page.WaitForURLAsync($"**/public/articles/{published.Str("slug")}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Night trains return");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("night trains");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**/public/search?q=night+trains");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Night trains return" })).ToBeVisibleAsync();
    }
}
