using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;

namespace Newsroom.Tests.Integration;

/// <summary>
/// A client that speaks the HTTP contract of docs/api-guide.md the way an outside client would: raw JSON in and out,
/// bearer tokens, status codes and headers. Runs in memory against the Alba host.
/// </summary>
public sealed class Api(HttpClient http)
{
    public Api(IAlbaHost host) : this(host.Server.CreateClient()) { }

    private readonly HttpClient _http = http;

    public async Task<Reply> Send(HttpMethod method, string url, TestUser? user = null, object? json = null,
        string? rawBody = null, string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (user != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token());
        if (json != null) rawBody = JsonSerializer.Serialize(json, JsonOptions);
        if (rawBody != null) request.Content = new StringContent(rawBody, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType,
            response.Headers.ETag?.Tag, response.Headers.Location?.ToString(), response.Headers.RetryAfter?.ToString());
    }

    public Task<Reply> Get(string url, TestUser? user) => Send(HttpMethod.Get, url, user);
    public Task<Reply> Post(string url, TestUser? user, object? json = null) => Send(HttpMethod.Post, url, user, json ?? new { });
    public Task<Reply> Patch(string url, TestUser? user, object json) => Send(HttpMethod.Patch, url, user, json);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // ---- the story, told through the public API ----

    public static object CompleteDraft(string headline = "Russian Defense Minister’s Upcoming Visit to North Korea", string desk = "world") => new
    {
        headline,
        desk,
        standfirst = "A delegation will attend the anniversary events.",
        body = string.Join(' ', Enumerable.Repeat("The delegation will attend ceremonies in Pyongyang.", 12)),
        byline = new[] { "Alice Example" },
        tags = new[] { "korea" },
        locations = new[] { new { name = "Pyongyang", lat = 39.03, lon = 125.75 } }
    };

    public static string CompleteDraftBody(string lead) =>
        lead + " " + string.Join(' ', Enumerable.Repeat("The delegation will attend ceremonies in Pyongyang.", 12));

    public async Task<JsonObject> Draft(TestUser? editor = null, object? content = null)
    {
        var reply = await Post("/api/articles", editor ?? Users.Alice, content ?? CompleteDraft());
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return reply.Json;
    }

    public async Task<JsonObject> InReview(TestUser? editor = null, object? content = null)
    {
        var draft = await Draft(editor, content);
        return await Ok(Post($"/api/articles/{draft.Id()}/submit", editor ?? Users.Alice, new { version = draft.Version() }));
    }

    /// <summary>Approved by Rita on the world desk, by Ron on politics.</summary>
    public async Task<JsonObject> Approved(TestUser? editor = null, object? content = null)
    {
        var inReview = await InReview(editor, content);
        var reviewer = inReview.Str("desk") == "politics" ? Users.Ron : Users.Rita;
        return await Ok(Post($"/api/articles/{inReview.Id()}/approve", reviewer,
            new { version = inReview.Version(), revision = inReview.Revision() }));
    }

    public async Task<JsonObject> Published(TestUser? editor = null, object? content = null)
    {
        var approved = await Approved(editor, content);
        return await Ok(Post($"/api/articles/{approved.Id()}/publish", Users.Paul, new { version = approved.Version() }));
    }

    public async Task<JsonObject> Spiked(TestUser? editor = null)
    {
        var draft = await Draft(editor);
        return await Ok(Post($"/api/articles/{draft.Id()}/spike", editor ?? Users.Alice, new { version = draft.Version(), reason = "Dropped" }));
    }

    public static async Task<JsonObject> Ok(Task<Reply> call)
    {
        var reply = await call;
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json;
    }
}

public sealed record Reply(HttpStatusCode Status, string Text, string? ContentType, string? ETag, string? Location, string? RetryAfter = null)
{
    public JsonObject Json => JsonNode.Parse(Text)!.AsObject();

    public string? Code => ContentType == "application/problem+json" ? Json["code"]?.GetValue<string>() : null;

    /// <summary>Asserts an RFC 9457 answer with the given status and stable code.</summary>
    public Reply ShouldBeProblem(HttpStatusCode status, string code)
    {
        Status.ShouldBe(status, Text);
        ContentType.ShouldBe("application/problem+json", Text);
        var json = Json;
        json["code"]!.GetValue<string>().ShouldBe(code, Text);
        json["status"]!.GetValue<int>().ShouldBe((int)status);
        json["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        json["type"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        json["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        Text.ShouldNotContain("   at "); // never a stack trace
        return this;
    }

    public IReadOnlyDictionary<string, string[]> Errors =>
        Json["errors"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(v => v!.GetValue<string>()).ToArray());
}

public static class ArticleJson
{
    public static Guid Id(this JsonObject a) => Guid.Parse(a["id"]!.GetValue<string>());
    public static int Version(this JsonObject a) => a["version"]!.GetValue<int>();
    public static int Revision(this JsonObject a) => a["revision"]!.GetValue<int>();
    public static string Status(this JsonObject a) => a["status"]!.GetValue<string>();
    public static string Str(this JsonObject a, string name) => a[name]!.GetValue<string>();
    public static string? StrOrNull(this JsonObject a, string name) => a[name]?.GetValue<string>();
    public static JsonArray Items(this JsonObject page) => page["items"]!.AsArray();
}
