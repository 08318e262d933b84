using System.Net;

namespace Newsroom.Tests.Integration;

public class operating_the_service(AppFixture fixture) : IntegrationContext(fixture)
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
    public async Task readiness_reads_the_head_of_the_event_store_and_says_nothing_is_behind_once_caught_up()
    {
        await Api.Draft();
        await Api.Draft();
        await ProjectionsCaughtUp();

        // The head read by the primary key (ADR 0035) is the figure the full counts gave.
        var head = await Newsroom.Infrastructure.Persistence.EventStoreHead.ReadAsync(Store, null, default);
        head.ShouldBe((await Store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber);
        head.ShouldBeGreaterThanOrEqualTo(2);

        var ready = await Api.Get("/health/ready", null);
        var projections = ready.Json["checks"]!["projections"]!["description"]!.GetValue<string>();
        projections.ShouldContain("0 behind");
        projections.Split(';').ShouldAllBe(lag => lag.TrimEnd().EndsWith(" 0 behind"));
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
