using System.Net;
using Marten;
using Newsroom.Articles;
using Newsroom.Articles.Publishing;
using Wolverine.Tracking;

namespace Newsroom.Tests.Integration;

public class when_a_publisher_corrects_and_withdraws(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_correction_needs_a_note_and_stays_published_with_a_new_revision()
    {
        var published = await Api.Published();
        (await Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new { version = published.Version(), headline = "Fixed" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new { version = published.Version(), note = "Nothing changed" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new { version = published.Version(), note = "Slug", slug = "new-slug" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var corrected = await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul, new
        {
            version = published.Version(), note = "An earlier version misspelled the minister's name.", headline = "Shoigu's visit to Pyongyang"
        }));

        corrected.Status().ShouldBe("published");
        corrected.Revision().ShouldBe(published.Revision() + 1);
        corrected.Str("headline").ShouldBe("Shoigu's visit to Pyongyang");
        var correction = corrected["corrections"]![0]!;
        correction["note"]!.GetValue<string>().ShouldBe("An earlier version misspelled the minister's name.");
        correction["by"]!.GetValue<string>().ShouldBe("paul");
        correction["revision"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task only_published_articles_are_corrected_or_withdrawn()
    {
        var approved = await Api.Approved();
        (await Api.Post($"/api/articles/{approved.Id()}/corrections", Users.Paul, new { version = approved.Version(), note = "n", headline = "h" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        (await Api.Post($"/api/articles/{approved.Id()}/withdraw", Users.Paul, new { version = approved.Version(), reason = "r" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task withdrawal_needs_a_reason_and_keeps_the_slug_reserved()
    {
        var published = await Api.Published();
        (await Api.Post($"/api/articles/{published.Id()}/withdraw", Users.Paul, new { version = published.Version() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var withdrawn = await Api.Ok(Api.Post($"/api/articles/{published.Id()}/withdraw", Users.Paul,
            new { version = published.Version(), reason = "Legal advice" }));
        withdrawn.Status().ShouldBe("withdrawn");

        (await Api.Patch($"/api/articles/{published.Id()}", Users.Alice, new { version = withdrawn.Version(), headline = "Back?" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");

        var sameSlug = await Api.Approved(content: new
        {
            headline = "Another", desk = "world", byline = new[] { "B" }, body = Api.CompleteDraftBody("x"), slug = published.Str("slug")
        });
        (await Api.Post($"/api/articles/{sameSlug.Id()}/publish", Users.Paul, new { version = sameSlug.Version() }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "slug_taken");
    }
}
