using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

[Collection(DeskCollection.Name)]
public class the_calendar_screen(DeskFixture desk)
{
    [Fact]
    public async Task shows_scheduled_publications_by_day_and_approved_articles_in_the_tray()
    {
        var api = desk.Api();
        var scheduledHeadline = "Scheduled story " + Guid.NewGuid().ToString("N")[..6];
        var approved = await api.Approved(content: Api.CompleteDraft(scheduledHeadline));
        var publishAt = DateTimeOffset.UtcNow.AddDays(2);
        await Api.Ok(api.Post($"/api/articles/{approved.Id()}/schedule", Users.Paul, new { version = approved.Version(), publishAt }));
        var trayHeadline = "Waiting story " + Guid.NewGuid().ToString("N")[..6];
        await api.Approved(content: Api.CompleteDraft(trayHeadline));

        var page = await desk.SignedInAsync(Users.Paul);
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendar", Level = 1 })).ToBeVisibleAsync();

        var dayId = "day-" + publishAt.UtcDateTime.ToString("yyyy-MM-dd");
        await Assertions.Expect(page.Locator($"section[aria-labelledby='{dayId}']").GetByRole(AriaRole.Link, new() { Name = scheduledHeadline })).ToBeVisibleAsync();
        var tray = page.GetByRole(AriaRole.Complementary, new() { Name = "Approved, not scheduled" });
        await Assertions.Expect(tray.GetByRole(AriaRole.Link, new() { Name = trayHeadline })).ToBeVisibleAsync();
        await Assertions.Expect(tray.GetByRole(AriaRole.Link, new() { Name = scheduledHeadline })).ToHaveCountAsync(0);

        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task an_approved_article_is_scheduled_from_the_tray()
    {
        var headline = "Tray story " + Guid.NewGuid().ToString("N")[..6];
        var approved = await desk.Api().Approved(content: Api.CompleteDraft(headline));
        var page = await desk.SignedInAsync(Users.Paul);
        await page.GotoAsync("/desk/calendar");

        var card = page.GetByRole(AriaRole.Complementary, new() { Name = "Approved, not scheduled" })
            .GetByRole(AriaRole.Listitem).Filter(new() { HasText = headline });
        var at = DateTime.UtcNow.AddDays(3).Date.AddHours(9);
        await card.GetByLabel("Publish at").FillAsync(DeskFixture.DateTimeLocal(at));
        await card.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();

        var day = page.Locator($"section[aria-labelledby='day-{at:yyyy-MM-dd}']");
        await Assertions.Expect(day.GetByRole(AriaRole.Link, new() { Name = headline })).ToBeVisibleAsync();
        (await desk.Api().Get($"/api/articles/{approved.Id()}", Users.Paul)).Json.Status().ShouldBe("scheduled");
    }
}
