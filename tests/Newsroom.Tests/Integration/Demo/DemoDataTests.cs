using System.Net;
using Marten;
using Newsroom.Articles;
using Newsroom.Demo;

namespace Newsroom.Tests.Integration;

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
