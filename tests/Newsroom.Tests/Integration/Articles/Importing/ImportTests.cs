using System.Net;
using Newsroom.Tests.Unit;

namespace Newsroom.Tests.Integration;

public class when_an_editor_imports_the_seed_article(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<Reply> Import(string text, string desk = "world", TestUser? user = null) =>
        Api.Send(HttpMethod.Post, $"/api/imports/text?desk={desk}", user ?? Users.Alice, rawBody: text, contentType: "text/plain");

    [Fact]
    public async Task it_becomes_a_draft_with_headline_standfirst_subheadings_and_category()
    {
        var text = Fixtures.SeedArticle();
        var reply = await Import(text);

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        reply.Location.ShouldStartWith("/api/articles/");
        var article = reply.Json;
        article.Status().ShouldBe("draft");
        article.Str("headline").ShouldBe("Russian Defense Minister’s Upcoming Visit to North Korea");
        article.Str("standfirst").ShouldBe("Russian Delegation Visit to North Korea to Commemorate the 70th Anniversary of Korean War Armistice Agreement");
        article.Str("category").ShouldBe("Uncategorized");
        article.Str("slug").ShouldBe("russian-defense-ministers-upcoming-visit-to-north-korea");

        var body = article.Str("body");
        body.ShouldStartWith("## Russian Delegation Led by Defense Minister Shoigu\n\nA delegation from Russia");
        body.ShouldContain("\n\n## Kim Jong-un’s Message to Russia\n\n");
        body.ShouldContain("“Victory in the Great Fatherland Liberation War.”");
        body.ShouldContain("Lý Hồng Trung");
        body.ShouldNotContain("Bookmark the permalink");
        body.ShouldNotContain("geo-tags");
        body.ShouldNotContain("posted in");

        // Every paragraph of the source survives byte for byte.
        var paragraph = text.Split("\n\n").Single(p => p.StartsWith("In addition to the Russian delegation"));
        body.ShouldContain(paragraph);

        // And it reads back identically from the store.
        (await Api.Get(reply.Location!, Users.Alice)).Json.Str("body").ShouldBe(body);
    }

    [Fact]
    public async Task it_needs_a_desk_plain_text_and_a_desk_of_the_editor()
    {
        (await Api.Send(HttpMethod.Post, "/api/imports/text", Users.Alice, rawBody: "Headline\n\nBody", contentType: "text/plain"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Import("Headline\n\nBody", desk: "politics")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await Api.Send(HttpMethod.Post, "/api/imports/text?desk=world", Users.Alice, rawBody: "{\"a\":1}"))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        (await Import("   \n\n  ")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Import(new string('x', 250) + "\n\nBody")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Import("Headline\n\nBody", user: Users.Rita)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
