using System.Net;

namespace Newsroom.Tests.Integration.Audit;

/// <summary>"What did my import job do?": the audit log finds a request's events by the correlation id it sent.</summary>
public class the_audit_log_by_correlation_id(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task finds_exactly_the_events_of_the_request_that_sent_it()
    {
        var draft = await Api.Draft();
        var submitted = await Api.Send(HttpMethod.Post, $"/api/articles/{draft.Id()}/submit", Users.Alice, new { version = draft.Version() },
            headers: new Dictionary<string, string> { ["X-Correlation-Id"] = "nightly-import-0042" });
        submitted.Status.ShouldBe(HttpStatusCode.OK, submitted.Text);
        await ProjectionsCaughtUp();

        var found = (await Api.Get("/api/audit?correlationId=nightly-import-0042", Users.Aude)).Json.Items();
        found.Count.ShouldBe(1);
        found[0]!["type"]!.GetValue<string>().ShouldBe("submitted_for_review");
        found[0]!["correlationId"]!.GetValue<string>().ShouldBe("nightly-import-0042");

        var all = (await Api.Get($"/api/audit?articleId={draft.Id()}", Users.Aude)).Json.Items();
        all.Count.ShouldBe(2);
        all[0]!["correlationId"]!.GetValue<string>().ShouldNotBe("nightly-import-0042"); // the create's own: its trace id
        all[0]!["correlationId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }
}
