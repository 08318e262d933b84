using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

/// <summary>The story told through the desk by three people at once: editor, reviewer, publisher.</summary>
[Collection(DeskCollection.Name)]
public class the_story_through_the_screens(DeskFixture desk)
{
    [Fact]
    public async Task editor_submits_reviewer_approves_the_revision_shown_and_publisher_publishes()
    {
        var headline = "Screen story " + Guid.NewGuid().ToString("N")[..6];
        var draft = await desk.Api().Draft(content: Api.CompleteDraft(headline));
        var article = $"/desk/articles/{draft.Id()}";

        var alice = await desk.SignedInAsync(Users.Alice);
        await alice.GotoAsync(article);
        await alice.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".facts")).ToContainTextAsync("In review");
        // Four eyes, known before the click: the author may not approve her own text.
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);

        var rita = await desk.SignedInAsync(Users.Rita);
        await rita.GotoAsync(article + "/review");
        await rita.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await rita.WaitForURLAsync("**" + article);
        await Assertions.Expect(rita.Locator(".facts")).ToContainTextAsync("Approved");
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(rita);

        var paul = await desk.SignedInAsync(Users.Paul);
        await paul.GotoAsync(article);
        await Assertions.Expect(paul.GetByRole(AriaRole.Button, new() { Name = "Submit for review" })).ToHaveCountAsync(0);
        await paul.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(paul.Locator(".facts")).ToContainTextAsync("Published");
        await Assertions.Expect(paul.GetByRole(AriaRole.Button, new() { Name = "Withdraw" })).ToBeVisibleAsync();
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(paul);
    }

    [Fact]
    public async Task a_reviewer_who_revised_the_text_sees_the_four_eyes_rule_before_the_click()
    {
        // Ada is an admin: she may both revise and review, so the rule, not her role, is what stops her.
        var draft = await desk.Api().Draft(Users.Ada, Api.CompleteDraft("Four eyes " + Guid.NewGuid().ToString("N")[..6]));
        await Api.Ok(desk.Api().Post($"/api/articles/{draft.Id()}/submit", Users.Ada, new { version = draft.Version() }));

        var ada = await desk.SignedInAsync(Users.Ada);
        await ada.GotoAsync($"/desk/articles/{draft.Id()}/review");
        await Assertions.Expect(ada.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeDisabledAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Approve is not possible");
    }

    [Fact]
    public async Task an_action_on_a_stale_page_is_refused_with_the_version_conflict_explained()
    {
        var draft = await desk.Api().Draft(content: Api.CompleteDraft("Stale page " + Guid.NewGuid().ToString("N")[..6]));
        var alice = await desk.SignedInAsync(Users.Alice);
        await alice.GotoAsync($"/desk/articles/{draft.Id()}");
        // Someone else changes the article while Alice's page still shows version 1 (live updates off for this check).
        await alice.EvaluateAsync("document.querySelectorAll('[data-live]').forEach(e => e.removeAttribute('data-live'))");
        await Api.Ok(desk.Api().Patch($"/api/articles/{draft.Id()}", Users.Bob, new { version = 1, standfirst = "Changed meanwhile." }));

        await alice.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Alert).First).ToContainTextAsync("version 2, not 1");
        (await desk.Api().Get($"/api/articles/{draft.Id()}", Users.Alice)).Json.Status().ShouldBe("draft");
    }
}
