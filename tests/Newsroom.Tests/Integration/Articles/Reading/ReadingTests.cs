using System.Net;

namespace Newsroom.Tests.Integration;

public class reading_an_article(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task answers_304_when_the_etag_still_matches()
    {
        var draft = await Api.Draft();
        var reply = await Api.Send(HttpMethod.Get, $"/api/articles/{draft.Id()}", Users.Alice,
            headers: new Dictionary<string, string> { ["If-None-Match"] = "\"1\"" });
        reply.Status.ShouldBe(HttpStatusCode.NotModified);
        reply.ETag.ShouldBe("\"1\"");
    }

    [Fact]
    public async Task as_of_a_version_shows_content_and_workflow_state_as_they_were()
    {
        var approved = await Api.Approved();                       // v1 created, v2 submitted, v3 approved
        var revised = await Api.Ok(Api.Patch($"/api/articles/{approved.Id()}", Users.Alice,
            new { version = 3, headline = "Rewritten" }));          // v4 revised, v5 approval voided
        revised.Version().ShouldBe(5);

        var atApproval = (await Api.Get($"/api/articles/{approved.Id()}?version=3", Users.Aude));
        atApproval.Status.ShouldBe(HttpStatusCode.OK, atApproval.Text);
        atApproval.ETag.ShouldBe("\"3\"");
        atApproval.Json.Status().ShouldBe("approved");
        atApproval.Json.Str("headline").ShouldBe("Russian Defense Minister’s Upcoming Visit to North Korea");
        atApproval.Json["approvedRevision"]!.GetValue<int>().ShouldBe(1);

        var atSubmission = (await Api.Get($"/api/articles/{approved.Id()}?version=2", Users.Aude)).Json;
        atSubmission.Status().ShouldBe("in_review");

        var now = (await Api.Get($"/api/articles/{approved.Id()}?asOf={DateTimeOffset.UtcNow.AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}", Users.Aude)).Json;
        now.Status().ShouldBe("draft");
        now.Str("headline").ShouldBe("Rewritten");

        (await Api.Get($"/api/articles/{approved.Id()}?version=99", Users.Aude)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.Get($"/api/articles/{approved.Id()}?asOf=2000-01-01T00:00:00Z", Users.Aude)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }
}
