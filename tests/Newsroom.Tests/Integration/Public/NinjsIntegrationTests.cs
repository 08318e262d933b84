using System.Net;
using System.Text.Json.Nodes;
using Newsroom.Tests.Unit;

namespace Newsroom.Tests.Integration;

public class ninjs_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_published_article_is_served_as_ninjs_that_validates_against_the_iptc_schema()
    {
        var published = await Api.Published(content: new
        {
            headline = "Lý Hồng Trung leads delegation", desk = "world", standfirst = "A short standfirst.",
            byline = new[] { "Alice Example", "Bob Example" }, tags = new[] { "diplomacy" }, category = "World",
            locations = new[] { new { name = "Pyongyang", lat = 39.03, lon = 125.75 } },
            body = Api.CompleteDraftBody("The delegation arrives."), priority = 2
        });
        await ProjectionsCaughtUp();

        var reply = await Api.Get($"/public/articles/{published.Str("slug")}/ninjs", null);

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply.ContentType.ShouldBe("application/json");
        var ninjs = JsonNode.Parse(reply.Text)!;
        IptcSchema.Errors(ninjs).ShouldBeEmpty();
        ninjs["headlines"]![0]!["value"]!.GetValue<string>().ShouldBe("Lý Hồng Trung leads delegation");
        ninjs["pubstatus"]!.GetValue<string>().ShouldBe("usable");
        ninjs["bodies"]![0]!["contenttype"]!.GetValue<string>().ShouldBe("text/html");
        ninjs["urgency"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task a_wire_story_in_ninjs_becomes_a_sanitized_draft_and_round_trips()
    {
        var published = await Api.Published(content: new
        {
            headline = "Round trip story", desk = "world", standfirst = "Standfirst.", byline = new[] { "Alice Example" },
            tags = new[] { "korea" }, body = Api.CompleteDraftBody("Paragraph.")
        });
        await ProjectionsCaughtUp();
        var exported = JsonNode.Parse((await Api.Get($"/public/articles/{published.Str("slug")}/ninjs", null)).Text)!.AsObject();
        exported["bodies"]![0]!["value"] = "<p onclick=\"steal()\">Wire copy.</p><script>alert(1)</script><p>More.</p>";
        exported["bodies"]![0]!.AsObject().Remove("charcount");
        exported["bodies"]![0]!.AsObject().Remove("wordcount");

        var reply = await Api.Send(HttpMethod.Post, "/api/imports/ninjs?desk=world", Users.Bob, rawBody: exported.ToJsonString());

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        var draft = reply.Json;
        draft.Status().ShouldBe("draft");
        draft.Str("headline").ShouldBe("Round trip story");
        draft.Str("standfirst").ShouldBe("Standfirst.");
        draft["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("korea");
        draft["byline"]![0]!.GetValue<string>().ShouldBe("Alice Example");
        draft.Str("body").ShouldContain("Wire copy.");
        draft.Str("body").ShouldNotContain("<script", Case.Insensitive);
        draft.Str("body").ShouldNotContain("onclick", Case.Insensitive);
        draft.Str("slug").ShouldBe("round-trip-story-2");
    }

    [Fact]
    public async Task an_invalid_document_is_400_with_the_schema_errors()
    {
        var reply = await Api.Send(HttpMethod.Post, "/api/imports/ninjs?desk=world", Users.Alice,
            rawBody: "{\"uri\": \"urn:x\", \"headlines\": \"not an array\", \"keywords\": [\"1.x field\"]}");
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Errors["ninjs"].ShouldNotBeEmpty();

        (await Api.Send(HttpMethod.Post, "/api/imports/ninjs?desk=world", Users.Alice, rawBody: "{not json"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Send(HttpMethod.Post, "/api/imports/ninjs", Users.Alice, rawBody: "{\"uri\":\"urn:x\",\"headlines\":[{\"value\":\"H\"}]}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Send(HttpMethod.Post, "/api/imports/ninjs?desk=world", Users.Rita, rawBody: "{}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
