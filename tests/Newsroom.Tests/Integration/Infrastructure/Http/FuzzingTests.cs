using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Newsroom.Tests.Integration;

/// <summary>
/// Property: whatever a client sends to a write endpoint or an importer — control characters, NUL, lone
/// surrogates, invalid UTF-8, huge and negative numbers, deep nesting, wrong types, duplicate keys, very long
/// strings, half a document — the service never answers 5xx, and every 4xx is a ProblemDetails with a code.
/// CsCheck generates the requests (10 000 a run) and shrinks a failure to the smallest one that fails.
/// </summary>
public class fuzzing_the_write_endpoints(AppFixture fixture) : IntegrationContext(fixture)
{
    private const int Requests = 10_000;
    private readonly HttpClient _http = fixture.Host.Server.CreateClient();

    [Fact]
    public async Task no_generated_request_gets_a_server_error_and_every_refusal_is_a_problem()
    {
        // Real articles in each status, so some generated commands get past validation to the deciders and the commit.
        var ids = new[] { (await Api.Draft()).Id(), (await Api.InReview()).Id(), (await Api.Approved()).Id(), (await Api.Published()).Id() };
        var sent = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();

        await RequestGen(ids).SampleAsync(async request =>
        {
            using var message = request.ToMessage();
            using var response = await _http.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            Interlocked.Increment(ref sent);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);

            var status = (int)response.StatusCode;
            if (status >= 500) throw new Exception($"{status} for {request}: {text}");
            if (status >= 400)
            {
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{status} for {request}");
                JsonNode.Parse(text)!["code"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            }
        }, iter: Requests, threads: 4, print: r => r.ToString());

        sent.ShouldBeGreaterThanOrEqualTo(Requests);
        // The generator reaches both sides: refusals and commands that were carried out.
        statuses.Keys.ShouldContain(400);
        statuses.Keys.Any(k => k == 200 || k == 201).ShouldBeTrue("some generated commands were carried out");
    }

    // ---- the requests ----

    public sealed record FuzzRequest(string Method, string Path, TestUser User, string ContentType, byte[] Body)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Path) { Content = new ByteArrayContent(Body) };
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", User.Token());
            return message;
        }

        public override string ToString()
        {
            var body = Encoding.UTF8.GetString(Body);
            return $"{Method} {Path} as {User.Id} ({ContentType}, {Body.Length} bytes): {(body.Length > 300 ? body[..300] + "…" : body)}";
        }
    }

    private sealed record Target(string Method, string Path, string Role, string[] Fields);

    private static readonly string[] Content =
        ["headline", "desk", "standfirst", "body", "byline", "tags", "category", "locations", "language", "slug", "embargoUntil", "priority"];

    private static readonly Target[] Targets =
    [
        new("POST", "/api/articles", "editor", Content),
        new("PATCH", "/api/articles/{id}", "editor", ["version", .. Content]),
        new("POST", "/api/articles/{id}/submit", "editor", ["version", "note"]),
        new("POST", "/api/articles/{id}/assign", "reviewer", ["version", "reviewer"]),
        new("POST", "/api/articles/{id}/approve", "reviewer", ["version", "revision", "note"]),
        new("POST", "/api/articles/{id}/request-changes", "reviewer", ["version", "comments"]),
        new("POST", "/api/articles/{id}/publish", "publisher", ["version"]),
        new("POST", "/api/articles/{id}/schedule", "publisher", ["version", "publishAt"]),
        new("POST", "/api/articles/{id}/unschedule", "publisher", ["version"]),
        new("POST", "/api/articles/{id}/corrections", "publisher", ["version", "note", .. Content]),
        new("POST", "/api/articles/{id}/withdraw", "publisher", ["version", "reason"]),
        new("POST", "/api/articles/{id}/spike", "editor", ["version", "reason"]),
        new("POST", "/api/articles/{id}/restore", "editor", ["version"]),
        new("POST", "/api/articles/{id}/comments", "editor", ["text", "version"]),
        new("POST", "/api/imports/ninjs?desk={desk}", "editor", ["uri", "headlines", "descriptions", "bodies", "byline", "language", "subjects", "keywords", "places"]),
        new("POST", "/api/imports/text?desk={desk}", "editor", []),
    ];

    // Valid-looking values, so a share of the requests reach the deciders and the database.
    private static readonly Dictionary<string, string[]> Plausible = new()
    {
        ["headline"] = ["\"Council approves cycle lanes\"", "\"Minister’s visit\""],
        ["desk"] = ["\"world\"", "\"politics\""],
        ["body"] = [Json(Api.CompleteDraftBody("The council met on Tuesday."))],
        ["byline"] = ["[\"Alice\"]", "[]"],
        ["tags"] = ["[\"city\", \"transport\"]"],
        ["locations"] = ["[{\"name\": \"Oslo\", \"lat\": 59.9, \"lon\": 10.7}]"],
        ["language"] = ["\"en\"", "\"fr\""],
        ["slug"] = ["\"cycle-lanes\""],
        ["embargoUntil"] = ["\"2030-01-01T09:00:00Z\"", "null"],
        ["publishAt"] = ["\"2030-01-01T09:00:00Z\"", "\"2020-01-01T09:00:00Z\""],
        ["priority"] = ["1", "4", "6"],
        ["version"] = ["1", "2", "3", "4"],
        ["revision"] = ["1", "2"],
        ["reviewer"] = ["\"rita\""],
        ["headlines"] = ["[{\"role\": \"main\", \"value\": \"Imported\"}]"],
        ["bodies"] = ["[{\"role\": \"main\", \"contenttype\": \"text/html\", \"value\": \"<p>Text</p>\"}]"],
        ["uri"] = ["\"urn:newsroom:fuzz\""],
    };

    private static readonly string[] NastyStrings =
    [
        "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff\\ud800x\"", "\"\\u001f\\u0007\"",
        "\"\u0001raw control\"", "\"\\\\\"", "\"\\\"\"", "\"😀🇰🇵\"", "\"<script>alert(1)</script>\"", "\"' or 1=1 --\"",
        "\"%00\"", "\"\u202eevil\"", "\"\\x41\"", "\"\\u12\"", "\"unterminated", "\"2026-02-30T25:61:00Z\"", "\"-1\"",
    ];

    private static readonly string[] NastyNumbers =
    [
        "0", "-1", "-0", "1.5", "1e309", "-1e309", "1e-400", "9223372036854775808", "-9223372036854775809",
        "2147483648", "-2147483649", "99999999999999999999999999999", "00", "+1", "NaN", "Infinity", ".5", "1e",
    ];

    private static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static readonly Gen<string> LongString = Gen.Int[1_000, 400_000].Select(n => "\"" + new string('x', n) + "\"");
    private static readonly Gen<string> RandomString = Gen.String.Select(Json);
    private static readonly Gen<string> Deep = Gen.Int[10, 3_000].Select(n => new string('[', n) + new string(']', n));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Gen.OneOf(NastyStrings)), (3, Gen.OneOf(NastyNumbers)), (2, Gen.Long.Select(l => l.ToString())),
        (1, Gen.OneOf("true", "false", "null")), (2, RandomString), (1, LongString), (1, Deep));

    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, value.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Gen.OneOf("name", "lat", "role", "value", "x"), value).Array[0, 3]
                .Select(pairs => "{" + string.Join(",", pairs.Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}"))));

    private static Gen<string> FieldValue(string field) =>
        Plausible.TryGetValue(field, out var plausible) ? Gen.Frequency((1, Gen.OneOf(plausible)), (1, Value)) : Value;

    private static Gen<string> Member(string field) =>
        Gen.Frequency((15, Gen.Const("")), (85, FieldValue(field).Select(v => $"\"{field}\":{v}")));

    private static Gen<string> ObjectBody(string[] fields)
    {
        var members = Gen.Const(() => new List<string>());
        foreach (var field in fields)
            members = members.SelectMany(list => Member(field).Select(m => new List<string>(list) { m }));
        return Gen.Select(members, Gen.Int[0, 9], Value).Select(t =>
        {
            var present = t.Item1.Where(m => m.Length > 0).ToList();
            if (t.Item2 == 0 && present.Count > 0) present.Add(present[0]);   // a duplicate key
            if (t.Item2 == 1) present.Add($"\"unknownField\":{t.Item3}");      // a field no command has
            return "{" + string.Join(",", present) + "}";
        });
    }

    private static Gen<byte[]> JsonBody(string[] fields) => Gen.Frequency(
        (7, ObjectBody(fields).Select(Encoding.UTF8.GetBytes)),
        (1, Value.Select(Encoding.UTF8.GetBytes)),                                           // an array, a string, a number…
        (1, ObjectBody(fields).SelectMany(b => Gen.Int[0, b.Length].Select(n => Encoding.UTF8.GetBytes(b[..n])))), // cut short
        (1, Gen.Byte.Array[0, 200]));                                                        // not text at all

    private static readonly Gen<byte[]> TextBody = Gen.Frequency(
        (3, Gen.Const(Encoding.UTF8.GetBytes("Council approves cycle lanes\n\nThe council met on Tuesday.\n\nPosted in Transport"))),
        (2, Gen.String.Select(s => Encoding.UTF8.GetBytes(s))),
        (1, Gen.Char.Array[0, 500].Select(c => Encoding.UTF8.GetBytes(new string(c)))),
        (1, Gen.Byte.Array[0, 500]),
        (1, Gen.Const(Encoding.UTF8.GetBytes("Headline\0\n\nBody"))),
        (1, Gen.Int[100_000, 900_000].Select(n => Encoding.UTF8.GetBytes("H\n\n" + new string('p', n)))));

    private static readonly Gen<string> Desk = Gen.Frequency(
        (4, Gen.Const("world")), (1, Gen.OneOf("", "%00", "a%00b", "%E2%82", "%ZZ", "politics", new string('d', 300))),
        (1, Gen.String.Select(Uri.EscapeDataString)));

    // Many subjects per role, so the per-caller rate limit does not turn the run into 429s.
    private static Gen<TestUser> UserFor(string role) => Gen.Int[0, 63].Select(n => role switch
    {
        "reviewer" => new TestUser($"fuzz-reviewer-{n}", "Fuzz Reviewer", [Newsroom.Infrastructure.Identity.Roles.Reviewer], ["world"]),
        "publisher" => new TestUser($"fuzz-publisher-{n}", "Fuzz Publisher", [Newsroom.Infrastructure.Identity.Roles.Publisher], []),
        _ => new TestUser($"fuzz-editor-{n}", "Fuzz Editor", [Newsroom.Infrastructure.Identity.Roles.Editor], ["world"]),
    });

    private static Gen<FuzzRequest> RequestGen(Guid[] ids) =>
        Gen.OneOf(Targets).SelectMany(target =>
            Gen.Select(
                Gen.Frequency((9, Gen.OneOf(ids).Select(id => id.ToString())), (1, Gen.OneOf("not-a-guid", Guid.NewGuid().ToString(), "%20"))),
                Desk,
                UserFor(target.Role),
                target.Path.Contains("/text") ? TextBody : JsonBody(target.Fields),
                Gen.Frequency((9, Gen.Const(target.Path.Contains("/text") ? "text/plain; charset=utf-8" : "application/json")),
                    (1, Gen.OneOf("text/plain", "application/json", "application/xml", "application/json; charset=latin1"))))
            .Select(t => new FuzzRequest(target.Method, target.Path.Replace("{id}", t.Item1).Replace("{desk}", t.Item2), t.Item3, t.Item5, t.Item4)));
}
