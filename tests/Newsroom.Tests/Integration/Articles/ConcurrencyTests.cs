using System.Net;

namespace Newsroom.Tests.Integration;

public class when_twenty_editors_revise_the_same_version_at_once(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task exactly_one_wins_the_rest_get_409_and_one_revision_is_written()
    {
        var draft = await Api.Draft();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Api.Patch($"/api/articles/{draft.Id()}", i % 2 == 0 ? Users.Alice : Users.Bob,
                new { version = draft.Version(), headline = $"Headline from writer {i}" })));

        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1, string.Join("\n", replies.Select(r => r.Text)));
        foreach (var loser in replies.Where(r => r.Status != HttpStatusCode.OK))
            loser.ShouldBeProblem(HttpStatusCode.Conflict, "version_conflict");

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(draft.Id());
        events.Count.ShouldBe(2);
        events.OfType<JasperFx.Events.IEvent>().Count(e => e.Data is Newsroom.Articles.ArticleRevised).ShouldBe(1);

        var winner = replies.Single(r => r.Status == HttpStatusCode.OK).Json;
        var current = (await Api.Get($"/api/articles/{draft.Id()}", Users.Alice)).Json;
        current.Str("headline").ShouldBe(winner.Str("headline"));
        current.Revision().ShouldBe(2);
    }
}
