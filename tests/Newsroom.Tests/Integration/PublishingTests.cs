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
