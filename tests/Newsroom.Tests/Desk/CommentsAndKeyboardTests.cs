using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

[Collection(DeskCollection.Name)]
public class comments_and_the_keyboard(DeskFixture desk)
{
    [Fact]
    public async Task a_comment_with_a_mention_reaches_the_mentioned_persons_inbox()
    {
        var headline = "Commented story " + Guid.NewGuid().ToString("N")[..6];
        var draft = await desk.Api().Draft(content: Api.CompleteDraft(headline));
        var paul = await desk.SignedInAsync(Users.Paul);
        await paul.GotoAsync($"/desk/articles/{draft.Id()}");
        await paul.GetByLabel("Comment").FillAsync("@alice the second quote needs a source.");
        await paul.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Assertions.Expect(paul.Locator(".comments")).ToContainTextAsync("the second quote needs a source.");

        var alice = await desk.SignedInAsync(Users.Alice);
        await alice.GotoAsync("/desk/inbox");
        var mention = alice.Locator("ol.inbox li").Filter(new() { HasText = headline });
        await Assertions.Expect(mention).ToContainTextAsync("Mention");
    }

    [Fact]
    public async Task question_mark_lists_the_shortcuts_and_e_edits_the_open_article()
    {
        var draft = await desk.Api().Draft(content: Api.CompleteDraft("Keyboard story " + Guid.NewGuid().ToString("N")[..6]));
        var alice = await desk.SignedInAsync(Users.Alice);
        await alice.GotoAsync($"/desk/articles/{draft.Id()}");

        await alice.Keyboard.PressAsync("?");
        await Assertions.Expect(alice.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(alice);
        await alice.Keyboard.PressAsync("Escape");

        await alice.Keyboard.PressAsync("e");
        await alice.WaitForURLAsync($"**/desk/articles/{draft.Id()}/edit");
        await Assertions.Expect(alice.GetByLabel("Headline")).ToBeVisibleAsync();
    }
}
