using System.Net;
using System.Text.Json.Nodes;

namespace Newsroom.Tests.Integration.Contract;

/// <summary>
/// The answers every operation shares, tried on every operation the OpenAPI document lists: no token (401), a token
/// without a role (403), text the database cannot store in the query (400), a body in a media type the operation does
/// not read (415), an id that does not exist (404), a stale version (409), a copy the client already has (304). So
/// the document's cross-cutting declarations are observed per operation, not taken on trust.
/// </summary>
public class every_operation_of_the_document(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>A body every JSON command accepts (unknown fields are ignored): its validator passes, the pipeline decides.</summary>
    private const string AnyCommand =
        """{"version":0,"revision":1,"reviewer":"rita","note":"n","reason":"r","comments":"c","text":"t","publishAt":"2099-01-01T00:00:00Z","headline":"h"}""";

    private async Task<IReadOnlyList<(string Method, string Path, JsonObject Operation)>> OperationsAsync()
    {
        var document = (await Api.Get("/openapi/v1.json", null)).Json;
        return document["paths"]!.AsObject()
            .Where(p => !p.Key.StartsWith("/health", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Method: o.Key.ToUpperInvariant(), Path: p.Key, Operation: o.Value!.AsObject())))
            .ToList();
    }

    private static bool Secured(JsonObject operation) => operation["security"] is JsonArray { Count: > 0 };
    private static bool ReadsBody(JsonObject operation) => operation["requestBody"] is not null;
    private static string JsonBodyOf(JsonObject operation) => operation["requestBody"]!["content"]!.AsObject().First().Key;

    /// <summary>The path with its values, and the query parameters the operation requires, with their examples.</summary>
    private static string Url(string path, JsonObject operation, Guid? id = null, string slug = "no-such-story", string? more = null)
    {
        var required = (operation["parameters"] as JsonArray ?? [])
            .Where(p => p!["in"]!.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
            .Select(p => $"{p!["name"]}={Uri.EscapeDataString(p["example"]!.ToString())}");
        var query = string.Join("&", required.Append(more).OfType<string>());
        return path
            .Replace("{id}", (id ?? Guid.NewGuid()).ToString())
            .Replace("{commentId}", Guid.NewGuid().ToString())
            .Replace("{n}", "1")
            .Replace("{slug}", slug) + (query.Length > 0 ? "?" + query : "");
    }

    private Task<Reply> Send(string method, string url, TestUser? user, JsonObject operation, string? body = null, string? contentType = null,
        IDictionary<string, string>? headers = null) =>
        Api.Send(new HttpMethod(method), url, user,
            rawBody: ReadsBody(operation) ? body ?? AnyCommand : null,
            contentType: contentType ?? (ReadsBody(operation) ? JsonBodyOf(operation) : "application/json"),
            headers: headers);

    [Fact]
    public async Task asks_for_a_token_and_a_role_where_it_declares_security()
    {
        var secured = (await OperationsAsync()).Where(o => Secured(o.Operation)).ToList();
        secured.Count.ShouldBeGreaterThan(25);
        foreach (var (method, path, operation) in secured)
        {
            (await Send(method, Url(path, operation), null, operation)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
            (await Send(method, Url(path, operation), Users.Nobody, operation)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Fact]
    public async Task refuses_text_the_database_cannot_store_in_the_query()
    {
        foreach (var (method, path, operation) in await OperationsAsync())
        {
            var reply = await Send(method, Url(path, operation, more: "probe=%00"), Users.Ada, operation);
            reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
            reply.Errors.Keys.ShouldBe(["probe"], $"{method} {path}");
        }
    }

    [Fact]
    public async Task refuses_a_body_in_a_media_type_it_does_not_read()
    {
        foreach (var (method, path, operation) in (await OperationsAsync()).Where(o => ReadsBody(o.Operation)))
            (await Send(method, Url(path, operation), Users.Ada, operation, body: "<article/>", contentType: "application/xml"))
                .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task answers_not_found_for_an_id_or_slug_that_does_not_exist()
    {
        var withId = (await OperationsAsync()).Where(o => o.Path.Contains("{id}") || o.Path.Contains("{slug}")).ToList();
        withId.Count.ShouldBeGreaterThan(20);
        foreach (var (method, path, operation) in withId)
            (await Send(method, Url(path, operation), Users.Ada, operation)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task refuses_a_stale_version_on_every_command_of_an_article()
    {
        var draft = await Api.Draft();
        var commands = (await OperationsAsync()).Where(o => o.Path.Contains("{id}") && ReadsBody(o.Operation)).ToList();
        commands.Count.ShouldBeGreaterThan(12);
        foreach (var (method, path, operation) in commands)
        {
            var reply = await Send(method, Url(path, operation, draft.Id()), Users.Ada, operation, body: AnyCommand.Replace("\"version\":0", "\"version\":99"));
            reply.ShouldBeProblem(HttpStatusCode.Conflict, "version_conflict");
        }
    }

    [Fact]
    public async Task answers_not_modified_where_it_declares_304()
    {
        var published = await Api.Published();
        await ProjectionsCaughtUp();
        var conditional = (await OperationsAsync()).Where(o => o.Operation["responses"]!["304"] is not null).ToList();
        conditional.Count.ShouldBe(3);
        foreach (var (method, path, operation) in conditional)
        {
            var url = Url(path, operation, published.Id(), published.Str("slug"));
            var first = await Send(method, url, Users.Ada, operation);
            first.Status.ShouldBe(HttpStatusCode.OK, $"{method} {path}: {first.Text}");
            var again = await Send(method, url, Users.Ada, operation, headers: new Dictionary<string, string> { ["If-None-Match"] = first.ETag! });
            again.Status.ShouldBe(HttpStatusCode.NotModified, $"{method} {path}");
        }
    }
}
