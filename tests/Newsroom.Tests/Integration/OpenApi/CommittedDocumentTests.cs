using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Newsroom.Tests.Integration.OpenApi;

/// <summary>
/// docs/openapi.json is the document the service serves, committed: client authors read it, and the test project
/// generates its C# client from it during the build. This test keeps the two equal.
/// </summary>
public class the_committed_openapi_document(AppFixture fixture) : IntegrationContext(fixture)
{
    public const string UpdateVariable = "NEWSROOM_UPDATE_OPENAPI";
    public const string UpdateCommand = "NEWSROOM_UPDATE_OPENAPI=1 ./test.sh --filter \"FullyQualifiedName~the_committed_openapi_document\"";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        // Readable in a diff: no \u escapes for quotes, dashes or accented letters.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string CommittedPath => Path.Combine(LocalPostgres.RepoRoot, "docs", "openapi.json");

    /// <summary>
    /// The served document made independent of the host that served it: the <c>servers</c> entry (the test host's
    /// URL) becomes the address <c>./run.sh</c> serves on, the keys keep the order they are served in, two-space indentation, "\n" line ends, a final newline.
    /// </summary>
    public static string Normalize(string served)
    {
        var doc = JsonNode.Parse(served)!.AsObject();
        doc["servers"] = new JsonArray(new JsonObject
        {
            ["url"] = "http://127.0.0.1:5080",
            ["description"] = "./run.sh on your machine; use your deployment's URL instead."
        });
        return doc.ToJsonString(Written).ReplaceLineEndings("\n") + "\n";
    }

    [Fact]
    public async Task is_the_document_the_service_serves()
    {
        var reply = await Api.Get("/openapi/v1.json", null);
        reply.Status.ShouldBe(HttpStatusCode.OK);
        var served = Normalize(reply.Text);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served);
            return;
        }

        var committed = File.Exists(CommittedPath) ? (await File.ReadAllTextAsync(CommittedPath)).ReplaceLineEndings("\n") : "";
        if (committed == served) return;

        var servedLines = served.Split('\n');
        var committedLines = committed.Split('\n');
        var first = Enumerable.Range(0, Math.Max(servedLines.Length, committedLines.Length))
            .First(i => i >= servedLines.Length || i >= committedLines.Length || servedLines[i] != committedLines[i]);
        string LineOf(string[] lines) => first < lines.Length ? lines[first] : "(end of file)";
        throw new Xunit.Sdk.XunitException(
            $"docs/openapi.json is not the document the service serves at /openapi/v1.json " +
            $"(first difference at line {first + 1}: committed `{LineOf(committedLines).Trim()}`, served `{LineOf(servedLines).Trim()}`). " +
            $"If the change to the API is intended, update the committed document with:\n    {UpdateCommand}\n" +
            "and commit docs/openapi.json (the next build generates the test project's client from it).");
    }
}
