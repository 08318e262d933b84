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
