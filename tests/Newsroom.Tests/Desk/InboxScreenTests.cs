using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

[Collection(DeskCollection.Name)]
public class the_inbox_screen(DeskFixture desk)
{
    [Fact]
    public async Task shows_what_concerns_the_viewer_with_the_unread_count_on_every_page()
    {
        var api = desk.Api();
        var headline = "Inbox story " + Guid.NewGuid().ToString("N")[..6];
        var inReview = await api.InReview(Users.Bob, Api.CompleteDraft(headline));
        await Api.Ok(api.Post($"/api/articles/{inReview.Id()}/request-changes", Users.Rita,
            new { version = inReview.Version(), comments = "Add a source for the second paragraph." }));
        (await api.Post($"/api/articles/{inReview.Id()}/comments", Users.Paul, new { text = "@bob can you call the council?" }))
            .Status.ShouldBe(System.Net.HttpStatusCode.Created);
        await desk.Services.GetRequiredService<IHost>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var page = await desk.SignedInAsync(Users.Bob);
        var inboxLink = page.GetByRole(AriaRole.Link, new() { Name = "Inbox, 2 unread" });
        await Assertions.Expect(inboxLink).ToBeVisibleAsync();
        await inboxLink.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1 })).ToBeVisibleAsync();
        var items = page.Locator("ol.inbox li");
        await Assertions.Expect(items).ToHaveCountAsync(2);
        await Assertions.Expect(items.Nth(0)).ToContainTextAsync("Mention");
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync("Changes requested");
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("@rita please look", true)]
    [InlineData("Thanks, @rita.", true)]
    [InlineData("@ritamae please look", false)]
    [InlineData("mail me at news@rita", false)]
    public void a_mention_is_the_id_as_a_word_of_its_own(string text, bool mentions) =>
        Newsroom.Desk.Inbox.Mentions(text, "rita").ShouldBe(mentions);
}
