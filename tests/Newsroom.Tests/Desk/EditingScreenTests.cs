using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

/// <summary>Writing in the desk: new articles, revisions, the live preview, nothing typed lost, and who else is editing.</summary>
[Collection(DeskCollection.Name)]
public class the_edit_screen(DeskFixture desk)
{
    [Fact]
    public async Task a_new_article_is_written_with_a_live_preview_and_saved()
    {
        var alice = await desk.SignedInAsync(Users.Alice);
        await alice.GetByRole(AriaRole.Button, new() { Name = "New article" }).ClickAsync();
        await alice.WaitForURLAsync("**/desk/new*");
        var headline = "Written in the desk " + Guid.NewGuid().ToString("N")[..6];
        await alice.GetByLabel("Headline").FillAsync(headline);
        await alice.GetByLabel("Body").FillAsync("A paragraph with **strong** words.\n\n## A subheading");
        await Assertions.Expect(alice.Locator("#preview strong")).ToHaveTextAsync("strong");
        await Assertions.Expect(alice.Locator("#preview h2")).ToHaveTextAsync("A subheading");
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(alice);

        await alice.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Name = headline, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(alice.Locator(".facts")).ToContainTextAsync("Draft");
    }

    [Fact]
    public async Task a_stale_save_opens_the_conflict_view_and_keeps_the_persons_text()
    {
        var draft = await desk.Api().Draft(content: Api.CompleteDraft("Conflict story " + Guid.NewGuid().ToString("N")[..6]));
        var alice = await desk.SignedInAsync(Users.Alice);
        await alice.GotoAsync($"/desk/articles/{draft.Id()}/edit");
        await alice.GetByLabel("Standfirst").FillAsync("Alice's standfirst, typed carefully.");

        await Api.Ok(desk.Api().Patch($"/api/articles/{draft.Id()}", Users.Bob, new { version = 1, standfirst = "Bob's standfirst, saved first." }));
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(alice.GetByRole(AriaRole.Alert).First).ToContainTextAsync("someone else saved a change");
        var conflict = alice.GetByRole(AriaRole.Table);
        await Assertions.Expect(conflict).ToContainTextAsync("Bob's standfirst, saved first.");
        await Assertions.Expect(conflict).ToContainTextAsync("Alice's standfirst, typed carefully.");
        await Assertions.Expect(alice.GetByLabel("Standfirst")).ToHaveValueAsync("Alice's standfirst, typed carefully.");
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(alice);

        // Saving again after reading theirs is deliberate, and goes through.
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".facts")).ToContainTextAsync("Revision");
        (await desk.Api().Get($"/api/articles/{draft.Id()}", Users.Alice)).Json.Str("standfirst").ShouldBe("Alice's standfirst, typed carefully.");
    }

    [Fact]
    public async Task unsaved_text_survives_a_reload()
    {
        var draft = await desk.Api().Draft(content: Api.CompleteDraft("Reload story " + Guid.NewGuid().ToString("N")[..6]));
        var alice = await desk.SignedInAsync(Users.Alice);
        await alice.GotoAsync($"/desk/articles/{draft.Id()}/edit");
        await alice.GetByLabel("Standfirst").FillAsync("Typed, never saved.");
        await alice.ReloadAsync();
        await Assertions.Expect(alice.GetByLabel("Standfirst")).ToHaveValueAsync("Typed, never saved.");
        await Assertions.Expect(alice.GetByRole(AriaRole.Status).Filter(new() { HasText = "restored" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task another_person_editing_shows_on_the_article_and_its_board_card()
    {
        var headline = "Presence story " + Guid.NewGuid().ToString("N")[..6];
        var draft = await desk.Api().Draft(content: Api.CompleteDraft(headline));
        var alice = await desk.SignedInAsync(Users.Alice);
        await alice.GotoAsync($"/desk/articles/{draft.Id()}");

        var bob = await desk.SignedInAsync(Users.Bob);
        await bob.GotoAsync($"/desk/articles/{draft.Id()}/edit");

        await Assertions.Expect(alice.GetByText("Bob Editor is editing")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await alice.GotoAsync("/desk");
        var card = alice.Locator(".card", new() { Has = alice.GetByRole(AriaRole.Link, new() { Name = headline }) });
        await Assertions.Expect(card).ToContainTextAsync("Bob Editor is editing");
    }
}
