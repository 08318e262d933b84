using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

[Collection(DeskCollection.Name)]
public class the_article_screen(DeskFixture desk)
{
    [Fact]
    public async Task opens_from_the_board_with_its_state_and_the_text_as_readers_will_see_it()
    {
        var headline = "Article screen " + Guid.NewGuid().ToString("N")[..6];
        var draft = await desk.Api().Draft(content: Api.CompleteDraft(headline));

        var page = await desk.SignedInAsync(Users.Alice);
        await page.GetByRole(AriaRole.Link, new() { Name = headline }).ClickAsync();
        await page.WaitForURLAsync($"**/desk/articles/{draft.Id()}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = headline, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Draft");
        await Assertions.Expect(page.Locator(".preview article p").First).ToBeVisibleAsync();
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task is_not_found_outside_the_viewers_desks_with_a_readable_page()
    {
        var draft = await desk.Api().Draft(Users.Eve, Api.CompleteDraft("Politics only", desk: "politics"));
        var page = await desk.SignedInAsync(Users.Bob);
        var response = await page.GotoAsync($"/desk/articles/{draft.Id()}");
        response!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Level = 1 })).ToBeVisibleAsync();
    }
}
