using System.Net;
using System.Text.Json;
using Marten;
using Newsroom.Articles;
using Newsroom.Articles.Reading;

namespace Newsroom.Tests.Integration;

public class refusals_on_an_article(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task carry_its_current_version_as_etag()
    {
        var draft = await Api.Draft();
        await Api.Ok(Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, headline = "Moved on" }));

        var stale = await Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, headline = "Stale" });
        stale.ShouldBeProblem(HttpStatusCode.Conflict, "version_conflict");
        stale.ETag.ShouldBe("\"2\"");

        var refused = await Api.Post($"/api/articles/{draft.Id()}/restore", Users.Alice, new { version = 2 });
        refused.ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        refused.ETag.ShouldBe("\"2\"");
        var otherDesk = await Api.Patch($"/api/articles/{draft.Id()}", new TestUser("pat", "Pat", ["editor", "publisher"], ["politics"]), new { version = 2, headline = "x" });
        otherDesk.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        otherDesk.ETag.ShouldBe("\"2\"");
    }

    [Fact]
    public async Task roles_are_read_whatever_case_or_separator_the_issuer_used()
    {
        var shouting = new TestUser("sam", "Sam", ["EDITOR,Reviewer"], ["World"]);
        (await Api.Post("/api/articles", shouting, Api.CompleteDraft())).Status.ShouldBe(HttpStatusCode.Created);
        (await Api.Get("/api/review-queue", shouting)).Status.ShouldBe(HttpStatusCode.OK);
    }
}
