using System.Net;

namespace Newsroom.Tests.Integration;

public class when_an_editor_submits_for_review(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_complete_draft_goes_to_review()
    {
        var draft = await Api.Draft();
        var submitted = await Api.Ok(Api.Post($"/api/articles/{draft.Id()}/submit", Users.Alice, new { version = 1, note = "Ready" }));
        submitted.Status().ShouldBe("in_review");
        submitted.Version().ShouldBe(2);
    }

    [Fact]
    public async Task an_incomplete_draft_is_refused_saying_what_is_missing()
    {
        var draft = await Api.Draft(content: new { headline = "Thin", desk = "world", body = "Too short to review." });

        var reply = await Api.Post($"/api/articles/{draft.Id()}/submit", Users.Alice, new { version = 1 });

        reply.ShouldBeProblem(HttpStatusCode.Conflict, "incomplete");
        reply.Errors.Keys.ShouldBe(["byline", "body"], ignoreOrder: true);
        (await Api.Get($"/api/articles/{draft.Id()}", Users.Alice)).Json.Status().ShouldBe("draft");
    }

    [Fact]
    public async Task submitting_twice_is_an_invalid_transition()
    {
        var inReview = await Api.InReview();
        var reply = await Api.Post($"/api/articles/{inReview.Id()}/submit", Users.Alice, new { version = inReview.Version() });
        reply.ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
    }
}

public class when_a_reviewer_reviews(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task approving_the_current_revision_binds_the_approval_to_it()
    {
        var inReview = await Api.InReview();
        var approved = await Api.Ok(Api.Post($"/api/articles/{inReview.Id()}/approve", Users.Rita,
            new { version = inReview.Version(), revision = 1, note = "Good to go" }));

        approved.Status().ShouldBe("approved");
        approved["approvedRevision"]!.GetValue<int>().ShouldBe(1);
        approved.Str("approvedBy").ShouldBe("rita");
    }

    [Fact]
    public async Task approving_a_stale_revision_is_refused()
    {
        var inReview = await Api.InReview();
        var revised = await Api.Ok(Api.Patch($"/api/articles/{inReview.Id()}", Users.Bob,
            new { version = inReview.Version(), headline = "Edited during review" }));
        revised.Status().ShouldBe("in_review");

        var reply = await Api.Post($"/api/articles/{inReview.Id()}/approve", Users.Rita, new { version = revised.Version(), revision = 1 });

        reply.ShouldBeProblem(HttpStatusCode.Conflict, "revision_mismatch");
    }

    [Fact]
    public async Task nobody_approves_what_they_created()
    {
        var inReview = await Api.InReview(editor: Users.Ada);
        var reply = await Api.Post($"/api/articles/{inReview.Id()}/approve", Users.Ada, new { version = inReview.Version(), revision = 1 });
        reply.ShouldBeProblem(HttpStatusCode.Forbidden, "four_eyes");
    }

    [Fact]
    public async Task nobody_approves_what_they_revised()
    {
        var draft = await Api.Draft();
        var revisedByAda = await Api.Ok(Api.Patch($"/api/articles/{draft.Id()}", Users.Ada, new { version = 1, tags = new[] { "edited" } }));
        var submitted = await Api.Ok(Api.Post($"/api/articles/{draft.Id()}/submit", Users.Alice, new { version = revisedByAda.Version() }));

        var reply = await Api.Post($"/api/articles/{draft.Id()}/approve", Users.Ada, new { version = submitted.Version(), revision = 2 });

        reply.ShouldBeProblem(HttpStatusCode.Forbidden, "four_eyes");
    }

    [Fact]
    public async Task a_reviewer_of_another_desk_cannot_see_it()
    {
        var inReview = await Api.InReview();
        var reply = await Api.Post($"/api/articles/{inReview.Id()}/approve", Users.Ron, new { version = inReview.Version(), revision = 1 });
        reply.ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task an_editor_cannot_approve()
    {
        var inReview = await Api.InReview();
        var reply = await Api.Post($"/api/articles/{inReview.Id()}/approve", Users.Bob, new { version = inReview.Version(), revision = 1 });
        reply.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task requesting_changes_needs_comments_and_sends_it_back()
    {
        var inReview = await Api.InReview();

        var missing = await Api.Post($"/api/articles/{inReview.Id()}/request-changes", Users.Rita, new { version = inReview.Version() });
        missing.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        missing.Errors.ShouldContainKey("comments");

        var sentBack = await Api.Ok(Api.Post($"/api/articles/{inReview.Id()}/request-changes", Users.Rita,
            new { version = inReview.Version(), comments = "Second source, please." }));
        sentBack.Status().ShouldBe("changes_requested");

        var revised = await Api.Ok(Api.Patch($"/api/articles/{inReview.Id()}", Users.Alice,
            new { version = sentBack.Version(), standfirst = "Now with a second source." }));
        var resubmitted = await Api.Ok(Api.Post($"/api/articles/{inReview.Id()}/submit", Users.Alice, new { version = revised.Version() }));
        resubmitted.Status().ShouldBe("in_review");
        resubmitted.Revision().ShouldBe(2);
    }

    [Fact]
    public async Task assigning_a_reviewer_shows_on_the_article_and_filters_the_board()
    {
        var inReview = await Api.InReview();
        var assigned = await Api.Ok(Api.Post($"/api/articles/{inReview.Id()}/assign", Users.Alice,
            new { version = inReview.Version(), reviewer = "rita" }));
        assigned.Str("reviewer").ShouldBe("rita");

        var board = await Api.Get("/api/articles?reviewer=rita", Users.Rita);
        board.Json.Items().Select(i => i!["id"]!.GetValue<string>()).ShouldBe([inReview.Id().ToString()]);

        var missing = await Api.Post($"/api/articles/{inReview.Id()}/assign", Users.Alice, new { version = assigned.Version() });
        missing.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public class the_review_queue(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task lists_in_review_articles_of_the_reviewers_desks_oldest_first()
    {
        var first = await Api.InReview();
        var second = await Api.InReview(content: Api.CompleteDraft("Second story"));
        await Api.InReview(editor: Users.Eve, content: Api.CompleteDraft("Politics story", desk: "politics"));
        await Api.Draft(content: Api.CompleteDraft("Still a draft"));

        var queue = await Api.Get("/api/review-queue", Users.Rita);

        queue.Status.ShouldBe(HttpStatusCode.OK, queue.Text);
        queue.Json.Items().Select(i => i!["id"]!.GetValue<string>()).ShouldBe([first.Id().ToString(), second.Id().ToString()]);
        queue.Json.Items().ShouldAllBe(i => i!["status"]!.GetValue<string>() == "in_review");
        queue.Json["next"].ShouldBeNull();
    }

    [Fact]
    public async Task pages_with_a_cursor()
    {
        for (var i = 0; i < 3; i++) await Api.InReview(content: Api.CompleteDraft($"Story {i}"));

        var page1 = await Api.Get("/api/review-queue?limit=2", Users.Rita);
        page1.Json.Items().Count.ShouldBe(2);
        var next = page1.Json["next"]!.GetValue<string>();
        var page2 = await Api.Get($"/api/review-queue?limit=2&cursor={next}", Users.Rita);
        page2.Json.Items().Count.ShouldBe(1);
        page2.Json["next"].ShouldBeNull();
        page2.Json.Items()[0]!["headline"]!.GetValue<string>().ShouldBe("Story 2");
    }

    [Fact]
    public async Task is_for_reviewers_only()
    {
        (await Api.Get("/api/review-queue", Users.Alice)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
