using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

[Collection(DeskCollection.Name)]
public class the_review_and_history_screens(DeskFixture desk)
{
    [Fact]
    public async Task the_queue_leads_to_a_word_diff_against_the_last_approved_text()
    {
        var api = desk.Api();
        var headline = "Reviewed story " + Guid.NewGuid().ToString("N")[..6];
        var approved = await api.Approved(content: Api.CompleteDraft(headline));
        // A change after approval voids it; the new revision goes back to review.
        var revised = await Api.Ok(api.Patch($"/api/articles/{approved.Id()}", Users.Alice,
            new { version = approved.Version(), standfirst = "A brand new standfirst for the reviewers." }));
        await Api.Ok(api.Post($"/api/articles/{approved.Id()}/submit", Users.Alice, new { version = revised.Version() }));

        var page = await desk.SignedInAsync(Users.Rita);
        await page.GotoAsync("/desk/review");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review queue", Level = 1 })).ToBeVisibleAsync();
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = headline }).ClickAsync();

        await page.WaitForURLAsync($"**/desk/articles/{approved.Id()}/review");
        await Assertions.Expect(page.GetByText("the last approved or published text (revision 1)")).ToBeVisibleAsync();
        // Reading only what is not deleted gives the new standfirst back.
        var newText = await page.EvaluateAsync<string>(
            "[...document.querySelector('.diff dd .words').childNodes].filter(n => n.nodeName !== 'DEL').map(n => n.textContent).join('')");
        newText.ShouldBe("A brand new standfirst for the reviewers.");
        await Assertions.Expect(page.Locator(".diff ins").First).ToBeVisibleAsync();
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task history_shows_every_event_compares_revisions_views_the_past_and_blames_paragraphs()
    {
        var api = desk.Api();
        var draft = await api.Draft(content: Api.CompleteDraft("History story"));
        // The as-of form has second precision: a moment a second after the creation and before the revision.
        await Task.Delay(1100);
        var beforeRevision = DateTime.UtcNow;
        await Task.Delay(1100);
        var revised = await Api.Ok(api.Patch($"/api/articles/{draft.Id()}", Users.Bob,
            new { version = draft.Version(), headline = "History story, revised" }));

        var page = await desk.SignedInAsync(Users.Alice);
        await page.GotoAsync($"/desk/articles/{draft.Id()}/history");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".timeline li")).ToHaveCountAsync(revised.Version());

        await page.GetByLabel("From revision").SelectOptionAsync("1");
        await page.GetByLabel("To revision").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(page.Locator(".diff ins").First).ToContainTextAsync("revised");

        await page.GetByLabel("Moment (UTC)").FillAsync(DeskFixture.DateTimeLocal(beforeRevision));
        await page.GetByRole(AriaRole.Button, new() { Name = "View as of" }).ClickAsync();
        await Assertions.Expect(page.Locator(".then .preview-headline")).ToHaveTextAsync("History story");

        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Alice Editor");
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
    }


    [Fact]
    public async Task restore_this_revision_makes_a_new_revision_with_the_old_text()
    {
        var api = desk.Api();
        var draft = await api.Draft(content: Api.CompleteDraft("Restorable headline"));
        await Api.Ok(api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, headline = "Regrettable headline" }));

        var page = await desk.SignedInAsync(Users.Alice);
        await page.GotoAsync($"/desk/articles/{draft.Id()}/history");
        var first = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Revision 1:" });
        await first.GetByRole(AriaRole.Button, new() { Name = "Restore this revision" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Restorable headline", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("3");
    }

    [Fact]
    public async Task an_approval_made_stale_by_a_later_edit_is_shown_with_the_diff_since_and_deliveries_join_the_timeline()
    {
        var api = desk.Api();
        var published = await api.Published(content: Api.CompleteDraft("Delivered story " + Guid.NewGuid().ToString("N")[..6]));
        var approved = await api.Approved(content: Api.CompleteDraft("Stale approval " + Guid.NewGuid().ToString("N")[..6]));
        await Api.Ok(api.Patch($"/api/articles/{approved.Id()}", Users.Alice, new { version = approved.Version(), standfirst = "Rewritten after the approval." }));

        var alice = await desk.SignedInAsync(Users.Alice);
        await alice.GotoAsync($"/desk/articles/{approved.Id()}/history");
        var approval = alice.Locator(".approvals li").First;
        await Assertions.Expect(approval).ToContainTextAsync("stale");
        await Assertions.Expect(approval.Locator("ins").First).ToBeVisibleAsync();

        // The delivery log is the admins' (as in the API): Ada sees the publication's webhook on the timeline.
        var ada = await desk.SignedInAsync(Users.Ada);
        // Delivery is asynchronous (the outbox): look again until it is there.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await ada.GotoAsync($"/desk/articles/{published.Id()}/history");
            if (await ada.Locator(".timeline .delivery").CountAsync() > 0) break;
            await Task.Delay(500);
        }
        await Assertions.Expect(ada.Locator(".timeline .delivery").First).ToContainTextAsync("steady");
    }
}
