using System.Net;
using Newsroom.Infrastructure.Http;

namespace Newsroom.Tests.Integration;

/// <summary>nosniff, Referrer-Policy and a script-free Content-Security-Policy on every answer, whoever writes it.</summary>
public class security_headers(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private async Task<HttpResponseMessage> Raw(string url, TestUser? user = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (user is not null) request.Headers.Authorization = new("Bearer", user.Token());
        return await Host.Server.CreateClient().SendAsync(request);
    }

    private static void ShouldCarryAllThree(HttpResponseMessage response)
    {
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        var csp = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        csp.ShouldBe(Policy);
        csp.ShouldNotContain("script-src");
        csp.ShouldNotContain("unsafe-inline");
    }

    [Fact]
    public async Task a_public_page_has_them_when_rendered_and_when_served_from_the_cache()
    {
        var published = await Api.Published();
        await ProjectionsCaughtUp();
        var url = $"/public/articles/{published.Str("slug")}";

        var first = await Raw(url);
        var cached = await Raw(url);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        cached.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarryAllThree(first);
        ShouldCarryAllThree(cached);
    }

    [Theory]
    [InlineData("/public/articles")]                 // JSON
    [InlineData("/public/feed.atom")]                // XML
    [InlineData("/public/articles/no-such-article")] // a refusal (problem JSON)
    [InlineData("/no/such/route")]                   // the framework's 404
    [InlineData("/api/articles")]                    // 401 from authentication
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    public async Task every_other_answer_has_them_too(string url) => ShouldCarryAllThree(await Raw(url));

    [Fact]
    public async Task an_editors_answer_has_them() => ShouldCarryAllThree(await Raw("/api/articles", Users.Alice));

    [Fact]
    public async Task the_development_reference_page_keeps_nosniff_and_the_referrer_policy_but_runs_its_own_script()
    {
        var docs = await Raw(SecurityHeaders.DocsPath + "/");

        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        docs.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        docs.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        docs.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        docs.Headers.Contains("Content-Security-Policy").ShouldBeFalse();
    }
}
