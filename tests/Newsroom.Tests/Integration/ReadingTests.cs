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

public class operations(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task health_endpoints_answer()
    {
        (await Api.Get("/health/live", null)).Status.ShouldBe(HttpStatusCode.OK);
        var ready = await Api.Get("/health/ready", null);
        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Json["status"]!.GetValue<string>().ShouldBe("healthy");
        ready.Json["checks"]!["database"]!["status"]!.GetValue<string>().ShouldBe("healthy");
        ready.Json["checks"]!["projections"]!["status"]!.GetValue<string>().ShouldBe("healthy");
    }

    [Fact]
    public async Task the_openapi_document_describes_every_endpoint_with_its_errors()
    {
        var reply = await Api.Get("/openapi/v1.json", null);
        reply.Status.ShouldBe(HttpStatusCode.OK);
        var paths = reply.Json["paths"]!.AsObject();

        string[] expected =
        [
            "/api/articles", "/api/articles/{id}", "/api/articles/{id}/submit", "/api/articles/{id}/assign",
            "/api/articles/{id}/approve", "/api/articles/{id}/request-changes", "/api/articles/{id}/publish",
            "/api/articles/{id}/spike", "/api/articles/{id}/restore", "/api/articles/{id}/comments",
            "/api/imports/text", "/api/review-queue", "/api/articles/{id}/schedule", "/api/articles/{id}/unschedule",
            "/api/articles/{id}/corrections", "/api/articles/{id}/withdraw", "/api/imports/ninjs", "/api/webhooks/deliveries",
            "/api/articles/{id}/history", "/api/articles/{id}/revisions", "/api/articles/{id}/revisions/{n}",
            "/api/articles/{id}/diff", "/api/articles/{id}/blame", "/api/articles/{id}/verify", "/api/audit", "/api/stats/desks",
            "/public/articles", "/public/articles/{slug}", "/public/articles/{slug}/ninjs", "/public/feed.rss", "/public/feed.atom"
        ];
        foreach (var path in expected) paths.ContainsKey(path).ShouldBeTrue($"{path} missing from the OpenAPI document");

        var submit = paths["/api/articles/{id}/submit"]!["post"]!["responses"]!.AsObject();
        foreach (var status in new[] { "200", "400", "401", "403", "404", "409" })
            submit.ContainsKey(status).ShouldBeTrue($"submit lacks a {status} response");
        reply.Json["components"]!["securitySchemes"]!["bearer"].ShouldNotBeNull();
        var gone = paths["/public/articles/{slug}"]!["get"]!["responses"]!.AsObject();
        gone.ContainsKey("410").ShouldBeTrue("the public article documents its 410");
    }
}
