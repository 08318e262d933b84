using System.Net;

namespace Newsroom.Tests.Integration;

public class when_a_publisher_publishes(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task an_approved_article_is_published()
    {
        var approved = await Api.Approved();
        var published = await Api.Ok(Api.Post($"/api/articles/{approved.Id()}/publish", Users.Paul, new { version = approved.Version() }));

        published.Status().ShouldBe("published");
        published.Str("publishedAt").ShouldEndWith("Z");
    }

    [Fact]
    public async Task an_article_without_a_current_approval_cannot_be_published()
    {
        var inReview = await Api.InReview();
        var reply = await Api.Post($"/api/articles/{inReview.Id()}/publish", Users.Paul, new { version = inReview.Version() });
        reply.ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task an_embargoed_article_waits()
    {
        var content = Api.CompleteDraft();
        var approved = await Api.Approved(content: new
        {
            headline = "Embargoed results", desk = "world", byline = new[] { "A" },
            body = Api.CompleteDraftBody("Results."), embargoUntil = DateTimeOffset.UtcNow.AddDays(1)
        });
        var reply = await Api.Post($"/api/articles/{approved.Id()}/publish", Users.Paul, new { version = approved.Version() });
        reply.ShouldBeProblem(HttpStatusCode.Conflict, "embargo_active");
        content.ShouldNotBeNull();
    }

    [Fact]
    public async Task a_slug_used_by_a_live_article_is_refused()
    {
        var live = await Api.Published();
        var other = await Api.Approved(content: new
        {
            headline = "Another story", desk = "world", byline = new[] { "B" }, body = Api.CompleteDraftBody("Other."),
            slug = live.Str("slug")
        });

        var reply = await Api.Post($"/api/articles/{other.Id()}/publish", Users.Paul, new { version = other.Version() });

        reply.ShouldBeProblem(HttpStatusCode.Conflict, "slug_taken");
    }

    [Fact]
    public async Task editors_and_reviewers_cannot_publish()
    {
        var approved = await Api.Approved();
        (await Api.Post($"/api/articles/{approved.Id()}/publish", Users.Alice, new { version = approved.Version() }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await Api.Post($"/api/articles/{approved.Id()}/publish", Users.Rita, new { version = approved.Version() }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
