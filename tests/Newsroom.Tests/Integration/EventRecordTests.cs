using System.Net;
using Marten;
using Newsroom.Articles;
using Newsroom.Demo;

namespace Newsroom.Tests.Integration;

public class every_event(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task records_who_when_and_the_correlation_id()
    {
        var draft = await Api.Draft();
        var reply = await Api.Send(HttpMethod.Post, $"/api/articles/{draft.Id()}/submit", Users.Alice, new { version = 1 },
            headers: new Dictionary<string, string> { ["X-Correlation-Id"] = "story-42" });
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(draft.Id());

        events.Count.ShouldBe(2);
        foreach (var e in events)
        {
            var fact = e.Data.ShouldBeAssignableTo<IArticleEvent>()!;
            fact.ArticleId.ShouldBe(draft.Id());
            fact.By.ShouldBe(new Actor("alice", "Alice Editor"));
            fact.At.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            e.CorrelationId.ShouldNotBeNullOrWhiteSpace();
        }
        events[1].CorrelationId.ShouldBe("story-42");
    }

    [Fact]
    public async Task a_correlation_id_that_cannot_be_echoed_in_a_header_is_replaced_by_the_trace_id()
    {
        var draft = await Api.Draft();
        var reply = await Api.Send(HttpMethod.Post, $"/api/articles/{draft.Id()}/submit", Users.Alice, new { version = 1 },
            headers: new Dictionary<string, string> { ["X-Correlation-Id"] = "story\u0001-42" });
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(draft.Id());
        events[1].CorrelationId.ShouldNotBeNullOrWhiteSpace();
        events[1].CorrelationId!.ShouldNotContain("story");
    }
}

public class desk_scope(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly TestUser EditorAndPublisher = new("pat", "Pat Both", ["editor", "publisher"], ["world"]);

    [Fact]
    public async Task a_user_who_can_see_a_desk_but_not_work_on_it_gets_403()
    {
        var politics = await Api.Draft(editor: Users.Eve, content: Api.CompleteDraft("Politics", desk: "politics"));

        (await Api.Get($"/api/articles/{politics.Id()}", EditorAndPublisher)).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.Patch($"/api/articles/{politics.Id()}", EditorAndPublisher, new { version = 1, headline = "Not my desk" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task an_editor_cannot_move_an_article_to_a_desk_they_do_not_work_on()
    {
        var draft = await Api.Draft();
        (await Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, desk = "politics" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task auditors_read_every_desk_but_change_nothing()
    {
        var draft = await Api.Draft();
        (await Api.Get($"/api/articles/{draft.Id()}", Users.Aude)).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.Patch($"/api/articles/{draft.Id()}", Users.Aude, new { version = 1, headline = "Audited" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await Api.Post($"/api/articles/{draft.Id()}/spike", Users.Aude, new { version = 1 }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}

public class the_demo_data(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task loads_once_in_every_state_and_a_second_load_changes_nothing()
    {
        var now = DateTimeOffset.UtcNow;
        (await DemoData.LoadAsync(Store, now, CancellationToken.None)).ShouldBe(6);
        (await DemoData.LoadAsync(Store, now, CancellationToken.None)).ShouldBe(0);

        await using var session = Store.QuerySession();
        var statuses = (await session.Query<Article>().Select(a => a.Status).ToListAsync()).OrderBy(s => s).ToList();
        statuses.ShouldBe([ArticleStatus.Draft, ArticleStatus.InReview, ArticleStatus.ChangesRequested,
            ArticleStatus.Approved, ArticleStatus.Published, ArticleStatus.Spiked]);
    }
}
