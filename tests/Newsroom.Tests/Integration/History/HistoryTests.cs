using System.Net;
using System.Text.Json.Nodes;

namespace Newsroom.Tests.Integration;

/// <summary>
/// The long story: create → revise → submit → changes requested → revise → approve → revise → approve →
/// publish → correct → withdraw, with the article captured as the API answered at each step.
/// </summary>
public class a_long_editorial_story(AppFixture fixture) : IntegrationContext(fixture)
{
    private readonly List<JsonObject> _seen = [];
    private Guid _id;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var a = await Api.Draft(content: new
        {
            headline = "Council debates budget", desk = "world", byline = new[] { "Alice Example" },
            body = "First paragraph about the budget.\n\nSecond paragraph with figures.\n\n" + Api.CompleteDraftBody("Third.")
        });
        _id = a.Id();
        _seen.Add(a);
        await Step(Api.Patch(Url(""), Users.Alice, new { version = V, headline = "Council debates the budget" }));
        await Step(Api.Post(Url("/submit"), Users.Alice, new { version = V }));
        await Step(Api.Post(Url("/request-changes"), Users.Rita, new { version = V, comments = "Add the vote count." }));
        await Step(Api.Patch(Url(""), Users.Bob, new
        {
            version = V, body = "First paragraph about the budget.\n\nSecond paragraph with figures: 31 votes to 20.\n\n" + Api.CompleteDraftBody("Third.")
        }));
        await Step(Api.Post(Url("/submit"), Users.Alice, new { version = V }));
        await Step(Api.Post(Url("/approve"), Users.Rita, new { version = V, revision = 3 }));
        await Step(Api.Patch(Url(""), Users.Alice, new { version = V, tags = new[] { "budget" } }));   // voids the approval
        await Step(Api.Post(Url("/submit"), Users.Alice, new { version = V }));
        await Step(Api.Post(Url("/approve"), Users.Rita, new { version = V, revision = 4 }));
        await Step(Api.Post(Url("/publish"), Users.Paul, new { version = V }));
        await Step(Api.Post(Url("/corrections"), Users.Paul, new { version = V, note = "The vote was 31 to 19.",
            body = "First paragraph about the budget.\n\nSecond paragraph with figures: 31 votes to 19.\n\n" + Api.CompleteDraftBody("Third.") }));
        await Step(Api.Post(Url("/withdraw"), Users.Paul, new { version = V, reason = "Legal review" }));
    }

    private int V => _seen[^1].Version();
    private string Url(string suffix) => $"/api/articles/{_id}{suffix}";
    private async Task Step(Task<Reply> call) => _seen.Add(await Api.Ok(call));

    [Fact]
    public async Task every_past_version_reads_back_exactly_as_it_was_answered_then()
    {
        foreach (var seen in _seen)
        {
            var past = await Api.Get($"{Url("")}?version={seen.Version()}", Users.Aude);
            past.Status.ShouldBe(HttpStatusCode.OK, past.Text);
            past.Json.ToJsonString().ShouldBe(seen.ToJsonString(), $"version {seen.Version()}");
        }
        _seen.Select(s => s.Status()).ShouldBe(["draft", "draft", "in_review", "changes_requested", "changes_requested", "in_review",
            "approved", "draft", "in_review", "approved", "published", "published", "withdrawn"]);
    }

    [Fact]
    public async Task every_past_moment_reads_back_as_it_was_then()
    {
        foreach (var seen in _seen)
        {
            var at = seen.Str("updatedAt");
            var past = await Api.Get($"{Url("")}?asOf={Uri.EscapeDataString(at)}", Users.Aude);
            past.Status.ShouldBe(HttpStatusCode.OK, past.Text);
            past.Json.ToJsonString().ShouldBe(seen.ToJsonString(), $"as of {at}");
        }
        (await Api.Get($"{Url("")}?asOf=2020-01-01T00:00:00Z", Users.Aude)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task the_history_tells_every_event_with_who_when_and_a_summary()
    {
        var history = (await Api.Get(Url("/history"), Users.Aude)).Json.Items();

        history.Count.ShouldBe(14); // 13 answered steps + the approval voided alongside revision 5
        history.Select(h => h!["version"]!.GetValue<int>()).ShouldBe(Enumerable.Range(1, 14));
        history[0]!["type"]!.GetValue<string>().ShouldBe("article_created");
        history[0]!["actor"]!["id"]!.GetValue<string>().ShouldBe("alice");
        history[0]!["actor"]!["name"]!.GetValue<string>().ShouldBe("Alice Editor");
        var approval = history.First(h => h!["type"]!.GetValue<string>() == "revision_approved")!;
        approval["summary"]!.GetValue<string>().ShouldBe("Rita Reviewer approved revision 3");
        approval["revision"]!.GetValue<int>().ShouldBe(3);
        history.Select(h => h!["type"]!.GetValue<string>()).ShouldContain("approval_voided");
        history[^1]!["summary"]!.GetValue<string>().ShouldBe("Paul Publisher withdrew the article: Legal review");
        history.ShouldAllBe(h => h!["at"]!.GetValue<string>().EndsWith("Z"));
    }

    [Fact]
    public async Task revisions_list_and_show_the_exact_content_of_each()
    {
        var revisions = (await Api.Get(Url("/revisions"), Users.Alice)).Json.Items();
        revisions.Select(r => r!["revision"]!.GetValue<int>()).ShouldBe([1, 2, 3, 4, 5]);
        revisions[1]!["headline"]!.GetValue<string>().ShouldBe("Council debates the budget");
        revisions[2]!["by"]!["id"]!.GetValue<string>().ShouldBe("bob");
        revisions[2]!["by"]!["name"]!.GetValue<string>().ShouldBe("Bob Editor");
        revisions[4]!["correctionNote"]!.GetValue<string>().ShouldBe("The vote was 31 to 19.");

        var third = (await Api.Get(Url("/revisions/3"), Users.Alice)).Json;
        third.Str("headline").ShouldBe("Council debates the budget");
        third.Str("body").ShouldContain("31 votes to 20.");
        third["tags"]!.AsArray().Count.ShouldBe(0);

        (await Api.Get(Url("/revisions/9"), Users.Alice)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.Get(Url("/revisions/zero"), Users.Alice)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task a_diff_names_the_changed_fields_with_a_word_level_diff()
    {
        var diff = (await Api.Get(Url("/diff?from=1&to=5"), Users.Alice)).Json;

        var fields = diff["changes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        fields.ShouldBe(["headline", "body", "tags"]);
        var headline = diff["changes"]![0]!;
        headline["before"]!.GetValue<string>().ShouldBe("Council debates budget");
        headline["after"]!.GetValue<string>().ShouldBe("Council debates the budget");
        var words = headline["words"]!.AsArray();
        words.ShouldContain(w => w!["op"]!.GetValue<string>() == "insert" && w["text"]!.GetValue<string>().Contains("the"));
        string Rebuild(string keep) => string.Concat(words.Where(w => w!["op"]!.GetValue<string>() != keep).Select(w => w!["text"]!.GetValue<string>()));
        Rebuild("delete").ShouldBe("Council debates the budget");
        Rebuild("insert").ShouldBe("Council debates budget");

        var body = diff["changes"]![1]!["words"]!.AsArray();
        body.ShouldContain(w => w!["op"]!.GetValue<string>() == "insert" && w["text"]!.GetValue<string>().Contains("31"));

        (await Api.Get(Url("/diff?from=1"), Users.Alice)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Get(Url("/diff?from=1&to=42"), Users.Alice)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task blame_attributes_fields_and_paragraphs_with_their_covering_approval()
    {
        var blame = (await Api.Get(Url("/blame"), Users.Aude)).Json;
        JsonNode Field(string name) => blame["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == name)!;

        Field("headline")["revision"]!.GetValue<int>().ShouldBe(2);
        Field("headline")["by"]!["id"]!.GetValue<string>().ShouldBe("alice");
        Field("headline")["approval"]!["revision"]!.GetValue<int>().ShouldBe(4); // the latest approval that read it
        Field("tags")["revision"]!.GetValue<int>().ShouldBe(4);
        Field("tags")["approval"]!["reviewer"]!["id"]!.GetValue<string>().ShouldBe("rita");
        Field("body")["revision"]!.GetValue<int>().ShouldBe(5);
        Field("body")["approval"].ShouldBeNull(); // the correction was never reviewed

        var paragraphs = blame["paragraphs"]!.AsArray();
        paragraphs[0]!["revision"]!.GetValue<int>().ShouldBe(1);
        paragraphs[0]!["approval"]!["revision"]!.GetValue<int>().ShouldBe(4);
        paragraphs[1]!["text"]!.GetValue<string>().ShouldContain("31 votes to 19");
        paragraphs[1]!["revision"]!.GetValue<int>().ShouldBe(5);
        paragraphs[1]!["by"]!["id"]!.GetValue<string>().ShouldBe("paul");
        paragraphs[1]!["approval"].ShouldBeNull();
        paragraphs[2]!["revision"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task the_audit_log_has_every_event_filters_pages_and_exports()
    {
        await ProjectionsCaughtUp();

        var all = (await Api.Get($"/api/audit?articleId={_id}", Users.Aude)).Json.Items();
        all.Count.ShouldBe(14);
        all.Select(i => i!["seq"]!.GetValue<long>()).ShouldBeInOrder();
        all[0]!["actor"]!["id"]!.GetValue<string>().ShouldBe("alice");
        all[0]!["summary"]!.GetValue<string>().ShouldStartWith("Alice Editor created the article");

        (await Api.Get($"/api/audit?actor=rita", Users.Aude)).Json.Items().Count.ShouldBe(3);
        (await Api.Get($"/api/audit?type=revision_approved", Users.Ada)).Json.Items().Count.ShouldBe(2);
        var middle = all[5]!["at"]!.GetValue<string>();
        (await Api.Get($"/api/audit?from={Uri.EscapeDataString(middle)}", Users.Aude)).Json.Items().Count.ShouldBe(9);
        (await Api.Get($"/api/audit?to={Uri.EscapeDataString(middle)}", Users.Aude)).Json.Items().Count.ShouldBe(6);

        var page1 = (await Api.Get("/api/audit?limit=5", Users.Aude)).Json;
        var page2 = (await Api.Get($"/api/audit?limit=5&cursor={page1["next"]!.GetValue<string>()}", Users.Aude)).Json;
        page2.Items()[0]!["seq"]!.GetValue<long>().ShouldBeGreaterThan(page1.Items()[4]!["seq"]!.GetValue<long>());

        var ndjson = await Api.Get("/api/audit?format=ndjson", Users.Aude);
        ndjson.ContentType.ShouldBe("application/x-ndjson");
        var lines = ndjson.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(14);
        JsonNode.Parse(lines[0])!["type"]!.GetValue<string>().ShouldBe("article_created");

        var csv = await Api.Get($"/api/audit?format=csv&actor=paul", Users.Aude);
        csv.ContentType.ShouldBe("text/csv");
        var rows = csv.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows[0].ShouldBe("seq,articleId,version,type,actorId,actorName,at,summary,correlationId");
        rows.Length.ShouldBe(4);
        rows[2].ShouldContain(",Paul Publisher corrected body (revision 5): The vote was 31 to 19.,");

        (await Api.Get("/api/audit", Users.Alice)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await Api.Get("/api/audit?from=yesterday", Users.Aude)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
