using System.Net;
using System.Text.Json;
using Marten;
using Newsroom.Articles;
using Newsroom.Articles.Reading;

namespace Newsroom.Tests.Integration;

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
