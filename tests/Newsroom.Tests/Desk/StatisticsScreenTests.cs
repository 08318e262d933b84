using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

[Collection(DeskCollection.Name)]
public class the_desk_statistics_screen(DeskFixture desk)
{
    [Fact]
    public async Task shows_each_desk_as_charts_with_the_numbers_beside_them()
    {
        await desk.Api().Published();
        await desk.Services.GetRequiredService<IHost>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        // Other desk tests share this database: expect what it holds now.
        await using var query = desk.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var published = await Marten.QueryableExtensions.CountAsync(
            query.Query<Newsroom.Articles.Article>().Where(a => a.Status == Newsroom.Articles.ArticleStatus.Published && a.Desk == "world"));
        var publishedToday = await Marten.QueryableExtensions.CountAsync(query.Query<Newsroom.Articles.Article>()
            .Where(a => a.Desk == "world" && a.PublishedAt >= new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero)));

        var page = await desk.SignedInAsync(Users.Paul);
        await page.GetByRole(AriaRole.Link, new() { Name = "Desk statistics" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Desk statistics", Level = 1 })).ToBeVisibleAsync();

        var world = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "world", Level = 2 }) });
        await Assertions.Expect(world.GetByRole(AriaRole.Img, new() { Name = "Articles per status on the world desk" })).ToBeVisibleAsync();
        var perStatus = world.GetByRole(AriaRole.Table, new() { Name = "Articles per status on the world desk" });
        await Assertions.Expect(perStatus.GetByRole(AriaRole.Row, new() { Name = "Published" }).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync(published.ToString());
        var perDay = world.GetByRole(AriaRole.Table, new() { Name = "Publications per day on the world desk" });
        await Assertions.Expect(perDay.GetByRole(AriaRole.Row, new() { Name = DateTime.UtcNow.ToString("MM-dd") }).GetByRole(AriaRole.Cell).Nth(1))
            .ToHaveTextAsync(publishedToday.ToString());

        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task is_not_for_editors()
    {
        var page = await desk.SignedInAsync(Users.Alice);
        (await page.GotoAsync("/desk/stats"))!.Status.ShouldBe(403);
    }
}
