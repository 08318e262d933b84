using System.Net;
using System.Text.Json;
using Marten;
using Newsroom.Articles;
using Newsroom.Articles.Reading;

namespace Newsroom.Tests.Integration;

public class when_two_publishers_race_for_one_slug(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_database_lets_only_one_of_them_publish()
    {
        object Content(string headline) => new
        {
            headline, desk = "world", byline = new[] { "A" }, body = Api.CompleteDraftBody(headline), slug = "the-same-slug"
        };
        var first = await Api.Approved(content: Content("First"));
        var second = await Api.Approved(content: Content("Second"));

        var replies = await Task.WhenAll(
            Api.Post($"/api/articles/{first.Id()}/publish", Users.Paul, new { version = first.Version() }),
            Api.Post($"/api/articles/{second.Id()}/publish", Users.Paul, new { version = second.Version() }));

        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        replies.Single(r => r.Status != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.Conflict, "slug_taken");
        var board = await Api.Get("/api/articles?status=published", Users.Paul);
        board.Json.Items().Count.ShouldBe(1);
    }
}

public class refusals_on_an_article(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task carry_its_current_version_as_etag()
    {
        var draft = await Api.Draft();
        await Api.Ok(Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, headline = "Moved on" }));

        var stale = await Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, headline = "Stale" });
        stale.ShouldBeProblem(HttpStatusCode.Conflict, "version_conflict");
        stale.ETag.ShouldBe("\"2\"");

        var refused = await Api.Post($"/api/articles/{draft.Id()}/restore", Users.Alice, new { version = 2 });
        refused.ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        refused.ETag.ShouldBe("\"2\"");
        var otherDesk = await Api.Patch($"/api/articles/{draft.Id()}", new TestUser("pat", "Pat", ["editor", "publisher"], ["politics"]), new { version = 2, headline = "x" });
        otherDesk.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        otherDesk.ETag.ShouldBe("\"2\"");
    }

    [Fact]
    public async Task roles_are_read_whatever_case_or_separator_the_issuer_used()
    {
        var shouting = new TestUser("sam", "Sam", ["EDITOR,Reviewer"], ["World"]);
        (await Api.Post("/api/articles", shouting, Api.CompleteDraft())).Status.ShouldBe(HttpStatusCode.Created);
        (await Api.Get("/api/review-queue", shouting)).Status.ShouldBe(HttpStatusCode.OK);
    }
}

public class comment_threads(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task are_paged_oldest_first_and_each_comment_has_its_own_url()
    {
        var draft = await Api.Draft();
        var locations = new List<string>();
        for (var i = 0; i < 3; i++)
            locations.Add((await Api.Post($"/api/articles/{draft.Id()}/comments", Users.Rita, new { text = $"Note {i}" })).Location!);

        var one = await Api.Get(locations[1], Users.Alice);
        one.Status.ShouldBe(HttpStatusCode.OK, one.Text);
        one.Json.Str("text").ShouldBe("Note 1");

        var page1 = await Api.Get($"/api/articles/{draft.Id()}/comments?limit=2", Users.Alice);
        page1.Json.Items().Select(c => c!["text"]!.GetValue<string>()).ShouldBe(["Note 0", "Note 1"]);
        var page2 = await Api.Get($"/api/articles/{draft.Id()}/comments?limit=2&cursor={page1.Json["next"]!.GetValue<string>()}", Users.Alice);
        page2.Json.Items().Select(c => c!["text"]!.GetValue<string>()).ShouldBe(["Note 2"]);
        page2.Json["next"].ShouldBeNull();

        (await Api.Get($"/api/articles/{draft.Id()}/comments/{Guid.NewGuid()}", Users.Alice)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.Get(locations[0], Users.Eve)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }
}

public class live_aggregation(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task folds_the_stream_to_exactly_the_stored_article_view()
    {
        var article = await Api.Approved();
        await Api.Post($"/api/articles/{article.Id()}/comments", Users.Rita, new { text = "Fine" });
        var revised = await Api.Ok(Api.Patch($"/api/articles/{article.Id()}", Users.Bob, new { version = 4, tags = new[] { "x" } }));
        await Api.Ok(Api.Post($"/api/articles/{article.Id()}/assign", Users.Alice, new { version = revised.Version(), reviewer = "rita" }));

        await using var session = Store.QuerySession();
        var stored = await session.LoadAsync<Article>(article.Id());
        var live = await GetArticleEndpoint.LiveAsync(session, article.Id(), _ => true, CancellationToken.None);

        JsonSerializer.Serialize(live).ShouldBe(JsonSerializer.Serialize(stored));
        live!.Version.ShouldBe(7);
    }
}
