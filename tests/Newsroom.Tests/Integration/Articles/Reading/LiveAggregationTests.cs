using System.Net;
using System.Text.Json;
using Marten;
using Newsroom.Articles;
using Newsroom.Articles.Reading;

namespace Newsroom.Tests.Integration;

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
