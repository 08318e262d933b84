using System.Net;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Tests.Integration;

public class the_board(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task shows_an_editor_only_their_desks_most_recent_first_without_bodies()
    {
        var older = await Api.Draft(content: Api.CompleteDraft("Older world story"));
        var newer = await Api.Draft(content: Api.CompleteDraft("Newer world story"));
        await Api.Draft(editor: Users.Eve, content: Api.CompleteDraft("Politics story", desk: "politics"));

        var board = await Api.Get("/api/articles", Users.Alice);

        board.Status.ShouldBe(HttpStatusCode.OK, board.Text);
        board.Json.Items().Select(i => i!["headline"]!.GetValue<string>()).ShouldBe(["Newer world story", "Older world story"]);
        board.Json.Items()[0]!["body"].ShouldBeNull();
        board.Json["next"].ShouldBeNull();
        older.ShouldNotBeNull(); newer.ShouldNotBeNull();
    }

    [Fact]
    public async Task shows_publishers_and_auditors_every_desk()
    {
        await Api.Draft();
        await Api.Draft(editor: Users.Eve, content: Api.CompleteDraft("Politics story", desk: "politics"));

        (await Api.Get("/api/articles", Users.Paul)).Json.Items().Count.ShouldBe(2);
        (await Api.Get("/api/articles", Users.Aude)).Json.Items().Count.ShouldBe(2);
        (await Api.Get("/api/articles?desk=politics", Users.Aude)).Json.Items().Count.ShouldBe(1);
    }

    [Fact]
    public async Task filters_by_status_creator_and_headline_text()
    {
        await Api.Draft(content: Api.CompleteDraft("Harbour bridge reopens"));
        await Api.InReview(editor: Users.Bob, content: Api.CompleteDraft("Drought in the south"));
        await Api.Approved(content: Api.CompleteDraft("Budget vote today"));

        Headlines(await Api.Get("/api/articles?status=in_review", Users.Alice)).ShouldBe(["Drought in the south"]);
        Headlines(await Api.Get("/api/articles?status=draft,approved", Users.Alice)).ShouldBe(["Budget vote today", "Harbour bridge reopens"]);
        Headlines(await Api.Get("/api/articles?createdBy=bob", Users.Alice)).ShouldBe(["Drought in the south"]);
        Headlines(await Api.Get("/api/articles?q=BRIDGE", Users.Alice)).ShouldBe(["Harbour bridge reopens"]);
        Headlines(await Api.Get("/api/articles?q=100%25", Users.Alice)).ShouldBeEmpty();
    }

    [Fact]
    public async Task pages_through_everything_exactly_once()
    {
        var created = new List<string>();
        for (var i = 0; i < 7; i++) created.Add((await Api.Draft(content: Api.CompleteDraft($"Story {i}"))).Id().ToString());

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.Get($"/api/articles?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}", Users.Alice);
            page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
            page.Json.Items().Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.Json.Items().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page.Json["next"]?.GetValue<string>();
        } while (cursor != null);

        seen.ShouldBe(Enumerable.Reverse(created).ToList());
    }

    [Fact]
    public async Task shows_a_change_at_once_with_the_same_fields_as_the_article_less_its_body()
    {
        var draft = await Api.Draft(content: Api.CompleteDraft("First headline"));
        Headlines(await Api.Get("/api/articles", Users.Alice)).ShouldBe(["First headline"]);

        // The page was read (and its items kept); the change must show on the next read all the same.
        await Api.Ok(Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = draft.Version(), headline = "Second headline" }));
        var board = await Api.Get("/api/articles", Users.Alice);
        Headlines(board).ShouldBe(["Second headline"]);

        var article = (await Api.Get($"/api/articles/{draft.Id()}", Users.Alice)).Json;
        article["body"] = null;
        board.Json.Items()[0]!.ToJsonString().ShouldBe(article.ToJsonString());
    }

    [Fact]
    public async Task merges_several_desks_and_statuses_newest_first_across_pages()
    {
        // Two desks and two statuses: the board reads each (desk, status) pair and merges them.
        var wanda = new TestUser("wanda", "Wanda Editor", [Roles.Editor], ["world", "politics"]);
        var w1 = await Api.Draft(content: Api.CompleteDraft("World draft"));
        var p1 = await Api.Draft(editor: Users.Eve, content: Api.CompleteDraft("Politics draft", desk: "politics"));
        var w2 = await Api.InReview(content: Api.CompleteDraft("World in review"));
        var p2 = await Api.InReview(editor: Users.Eve, content: Api.CompleteDraft("Politics in review", desk: "politics"));
        await Api.Approved(content: Api.CompleteDraft("World approved"));
        var p3 = await Api.Draft(editor: Users.Eve, content: Api.CompleteDraft("Politics second draft", desk: "politics"));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.Get($"/api/articles?status=draft,in_review&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}", wanda);
            page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
            page.Json.Items().Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Json.Items().Select(i => i!["headline"]!.GetValue<string>()));
            cursor = page.Json["next"]?.GetValue<string>();
        } while (cursor != null);

        seen.ShouldBe(["Politics second draft", "Politics in review", "World in review", "Politics draft", "World draft"]);
        Headlines(await Api.Get("/api/articles?status=draft,in_review&desk=politics", wanda))
            .ShouldBe(["Politics second draft", "Politics in review", "Politics draft"]);
        Headlines(await Api.Get("/api/articles?status=draft&desk=sport", wanda)).ShouldBeEmpty();
        Headlines(await Api.Get("/api/articles?status=in_review&q=review", Users.Paul)).ShouldBe(["Politics in review", "World in review"]);
        new[] { w1, p1, w2, p2, p3 }.ShouldAllBe(a => a != null);
    }

    [Theory]
    [InlineData("status=published_or_not", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task refuses_bad_query_strings_with_validation_errors(string query, string field)
    {
        var reply = await Api.Get($"/api/articles?{query}", Users.Alice);
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Errors.ShouldContainKey(field);
    }

    private static List<string> Headlines(Reply reply)
    {
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json.Items().Select(i => i!["headline"]!.GetValue<string>()).ToList();
    }
}
