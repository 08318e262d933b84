using System.Net;

namespace Newsroom.Tests.Integration;

public class when_an_article_is_spiked(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task it_is_frozen_until_restored()
    {
        var spiked = await Api.Spiked();
        spiked.Status().ShouldBe("spiked");
        var id = spiked.Id();
        var v = spiked.Version();

        (await Api.Patch($"/api/articles/{id}", Users.Alice, new { version = v, headline = "Changed" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        (await Api.Post($"/api/articles/{id}/submit", Users.Alice, new { version = v }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        (await Api.Post($"/api/articles/{id}/comments", Users.Alice, new { text = "Hello?" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");

        var restored = await Api.Ok(Api.Post($"/api/articles/{id}/restore", Users.Alice, new { version = v }));
        restored.Status().ShouldBe("draft");
        (await Api.Patch($"/api/articles/{id}", Users.Alice, new { version = restored.Version(), headline = "Back" })).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_published_article_cannot_be_spiked_and_a_draft_cannot_be_restored()
    {
        var published = await Api.Published();
        (await Api.Post($"/api/articles/{published.Id()}/spike", Users.Alice, new { version = published.Version() }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");

        var draft = await Api.Draft();
        (await Api.Post($"/api/articles/{draft.Id()}/restore", Users.Alice, new { version = 1 }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
    }
}
