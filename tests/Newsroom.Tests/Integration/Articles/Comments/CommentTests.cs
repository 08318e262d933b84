using System.Net;

namespace Newsroom.Tests.Integration;

public class comments_on_an_article(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task are_internal_notes_answered_with_201_and_listed()
    {
        var draft = await Api.Draft();
        var reply = await Api.Post($"/api/articles/{draft.Id()}/comments", Users.Rita, new { text = "Check the date in paragraph 2." });

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        reply.Location.ShouldStartWith($"/api/articles/{draft.Id()}/comments/");
        reply.Json.Str("text").ShouldBe("Check the date in paragraph 2.");
        reply.ETag.ShouldBe("\"2\"");

        var list = await Api.Get($"/api/articles/{draft.Id()}/comments", Users.Alice);
        list.Json.Items().Count.ShouldBe(1);
        list.Json.Items()[0]!["by"]!["id"]!.GetValue<string>().ShouldBe("rita");
    }

    [Fact]
    public async Task need_text_and_the_right_role()
    {
        var draft = await Api.Draft();
        (await Api.Post($"/api/articles/{draft.Id()}/comments", Users.Alice, new { text = "  " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Post($"/api/articles/{draft.Id()}/comments", Users.Aude, new { text = "Auditors only read" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await Api.Post($"/api/articles/{draft.Id()}/comments", Users.Paul, new { text = "Publishers may comment on any desk" }))
            .Status.ShouldBe(HttpStatusCode.Created);
    }
}
