using System.Net;

namespace Newsroom.Tests.Integration;

/// <summary>Bad input gets a clear ProblemDetails answer, never a 500, and never changes anything.</summary>
public class bad_input(AppFixture fixture) : IntegrationContext(fixture)
{
    [Theory]
    [InlineData("{\"headline\":")]
    [InlineData("not json at all")]
    [InlineData("{\"headline\": 42, \"desk\": \"world\"}")]
    [InlineData("{\"headline\": \"H\", \"desk\": \"world\", \"priority\": \"high\"}")]
    [InlineData("{\"headline\": \"H\", \"desk\": \"world\", \"byline\": \"not a list\"}")]
    [InlineData("{\"headline\": \"H\", \"desk\": \"world\", \"embargoUntil\": \"tomorrow\"}")]
    [InlineData("[]")]
    public async Task malformed_or_mistyped_json_is_400(string body)
    {
        var reply = await Api.Send(HttpMethod.Post, "/api/articles", Users.Alice, rawBody: body);
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Json["errors"].ShouldNotBeNull();
    }

    [Fact]
    public async Task missing_required_fields_are_named()
    {
        var reply = await Api.Post("/api/articles", Users.Alice, new { standfirst = "No headline, no desk" });
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Errors.Keys.ShouldContain("headline");
        reply.Errors.Keys.ShouldContain("desk");
    }

    [Fact]
    public async Task oversized_fields_are_refused()
    {
        var reply = await Api.Post("/api/articles", Users.Alice, new
        {
            headline = new string('h', 201), desk = "world", body = new string('b', 200_001), standfirst = new string('s', 601),
            priority = 7, language = "not a language", slug = "Not A Slug", locations = new[] { new { name = "", lat = 91.0 } }
        });
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Errors.Keys.ShouldBe(["headline", "standfirst", "body", "locations[0].name", "locations[0].lat", "language", "slug", "priority"], ignoreOrder: true);
    }

    [Fact]
    public async Task an_unknown_status_in_the_wire_format_is_refused()
    {
        var draft = await Api.Draft();
        var reply = await Api.Send(HttpMethod.Post, $"/api/articles/{draft.Id()}/submit", Users.Alice, rawBody: "{\"version\": -1}");
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Errors.ShouldContainKey("version");
        (await Api.Send(HttpMethod.Post, $"/api/articles/{draft.Id()}/submit", Users.Alice, rawBody: "{\"version\": \"one\"}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Send(HttpMethod.Post, $"/api/articles/{draft.Id()}/submit", Users.Alice, rawBody: "{\"version\": 1.5}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Get($"/api/articles/{draft.Id()}", Users.Alice)).Json.Version().ShouldBe(1);
    }

    [Fact]
    public async Task a_body_over_one_mebibyte_is_413()
    {
        var huge = "{\"headline\":\"H\",\"desk\":\"world\",\"body\":\"" + new string('x', 1_100_000) + "\"}";
        var reply = await Api.Send(HttpMethod.Post, "/api/articles", Users.Alice, rawBody: huge);
        reply.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        (await Api.Get("/api/articles", Users.Alice)).Json.Items().Count.ShouldBe(0);
    }

    [Fact]
    public async Task unknown_routes_ids_and_methods_are_problem_documents()
    {
        (await Api.Get("/api/nothing-here", Users.Alice)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.Get($"/api/articles/{Guid.NewGuid()}", Users.Alice)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.Get("/api/articles/not-a-guid", Users.Alice)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.Send(HttpMethod.Delete, "/api/articles", Users.Alice)).ShouldBeProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        (await Api.Post($"/api/articles/{Guid.NewGuid()}/submit", Users.Alice, new { version = 1 }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task a_wrong_content_type_is_415()
    {
        var reply = await Api.Send(HttpMethod.Post, "/api/articles", Users.Alice, rawBody: "headline=H", contentType: "application/x-www-form-urlencoded");
        reply.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("version=abc")]
    [InlineData("version=0")]
    [InlineData("asOf=yesterday")]
    [InlineData("version=1&asOf=2026-01-01T00:00:00Z")]
    public async Task unreadable_as_of_queries_are_400(string query)
    {
        var draft = await Api.Draft();
        (await Api.Get($"/api/articles/{draft.Id()}?{query}", Users.Alice)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public class commands_without_a_body(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<Reply> Bodyless(string url, TestUser user, string? ifMatch) => Api.Send(HttpMethod.Post, url, user,
        headers: ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });

    [Fact]
    public async Task may_carry_the_version_in_if_match_alone()
    {
        var draft = await Api.Draft();
        var submitted = await Bodyless($"/api/articles/{draft.Id()}/submit", Users.Alice, "\"1\"");
        submitted.Status.ShouldBe(HttpStatusCode.OK, submitted.Text);
        submitted.Json.Status().ShouldBe("in_review");
    }

    [Fact]
    public async Task say_what_is_missing_when_there_is_no_version_either()
    {
        var draft = await Api.Draft();
        var reply = await Bodyless($"/api/articles/{draft.Id()}/submit", Users.Alice, null);
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Errors.ShouldContainKey("version");

        var approve = await Bodyless($"/api/articles/{draft.Id()}/approve", Users.Rita, "\"1\"");
        approve.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        approve.Errors.ShouldContainKey("revision");
    }

    [Fact]
    public async Task a_json_null_body_or_null_list_items_are_validation_errors()
    {
        (await Api.Send(HttpMethod.Post, "/api/articles", Users.Alice, rawBody: "null")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Send(HttpMethod.Post, "/api/articles", Users.Alice, rawBody: "{\"headline\":\"H\",\"desk\":\"world\",\"locations\":[null],\"byline\":[null]}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
