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
