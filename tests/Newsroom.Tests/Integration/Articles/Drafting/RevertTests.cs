using System.Net;

namespace Newsroom.Tests.Integration;

/// <summary>POST /api/articles/{id}/revert: a new revision with an earlier revision's content, an edit like any other.</summary>
public class reverting_to_an_earlier_revision(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task makes_a_new_revision_with_that_content()
    {
        var draft = await Api.Draft(content: Api.CompleteDraft("The first headline"));
        var revised = await Api.Ok(Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, headline = "A second headline", standfirst = "Added later." }));

        var reverted = await Api.Ok(Api.Post($"/api/articles/{draft.Id()}/revert", Users.Alice, new { version = revised.Version(), revision = 1 }));

        reverted.Revision().ShouldBe(3);
        reverted.Str("headline").ShouldBe("The first headline");
        (await Api.Get($"/api/articles/{draft.Id()}/revisions/3", Users.Alice)).Json.Str("headline").ShouldBe("The first headline");
    }

    [Fact]
    public async Task voids_an_approval_like_any_edit()
    {
        var approved = await Api.Approved();
        var revised = await Api.Ok(Api.Patch($"/api/articles/{approved.Id()}", Users.Alice, new { version = approved.Version(), standfirst = "Changed after approval." }));
        var reverted = await Api.Ok(Api.Post($"/api/articles/{approved.Id()}/revert", Users.Alice, new { version = revised.Version(), revision = 1 }));
        reverted.Status().ShouldBe("draft");
        reverted["approvedRevision"].ShouldBeNull();
    }

    [Fact]
    public async Task refuses_an_unknown_revision_a_stale_version_and_a_published_article()
    {
        var draft = await Api.Draft();
        (await Api.Post($"/api/articles/{draft.Id()}/revert", Users.Alice, new { version = 1, revision = 9 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Post($"/api/articles/{draft.Id()}/revert", Users.Alice, new { version = 7, revision = 1 }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "version_conflict");
        (await Api.Post($"/api/articles/{draft.Id()}/revert", Users.Alice, new { version = 1 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var published = await Api.Published();
        (await Api.Post($"/api/articles/{published.Id()}/revert", Users.Alice, new { version = published.Version(), revision = 1 }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        (await Api.Post($"/api/articles/{published.Id()}/revert", Users.Rita, new { version = published.Version(), revision = 1 }))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
