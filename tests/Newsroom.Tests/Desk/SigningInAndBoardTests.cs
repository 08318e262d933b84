using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

/// <summary>Signing in to the desk and the board, in a real browser (Chromium through Playwright).</summary>
[Collection(DeskCollection.Name)]
public class signing_in_and_the_board(DeskFixture desk)
{
    [Fact]
    public async Task anything_under_desk_without_a_session_leads_to_sign_in()
    {
        var page = await (await desk.Browser.NewContextAsync(new() { BaseURL = desk.BaseUrl.ToString() })).NewPageAsync();
        await page.GotoAsync("/desk");
        page.Url.ShouldContain("/desk/sign-in");
        await Assertions.Expect(page.GetByLabel("Access token")).ToBeVisibleAsync();
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task in_development_a_demo_user_signs_in_with_one_button()
    {
        var page = await (await desk.Browser.NewContextAsync(new() { BaseURL = desk.BaseUrl.ToString() })).NewPageAsync();
        await page.GotoAsync("/desk/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rita Reviewer" }).ClickAsync();
        await page.WaitForURLAsync("**/desk");
        await Assertions.Expect(page.GetByText("Rita Reviewer")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task a_token_the_api_refuses_is_refused_with_an_explanation()
    {
        var page = await (await desk.Browser.NewContextAsync(new() { BaseURL = desk.BaseUrl.ToString() })).NewPageAsync();
        await page.GotoAsync("/desk/sign-in");
        await page.GetByLabel("Access token").FillAsync("not.a.token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with token" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");
        page.Url.ShouldContain("/desk/sign-in");
    }

    [Fact]
    public async Task the_board_shows_a_column_per_status_with_counts_and_cards_named_by_headline()
    {
        var headline = "Board story " + Guid.NewGuid().ToString("N")[..6];
        var draft = await desk.Api().Draft(content: Api.CompleteDraft(headline));

        var page = await desk.SignedInAsync(Users.Alice);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board", Level = 1 })).ToBeVisibleAsync();
        foreach (var status in new[] { "Draft", "In review", "Changes requested", "Approved", "Scheduled", "Published", "Withdrawn" })
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = status, Level = 2 })).ToBeVisibleAsync();

        var card = page.GetByRole(AriaRole.Link, new() { Name = headline });
        await Assertions.Expect(card).ToHaveAttributeAsync("href", $"/desk/articles/{draft.Id()}");
        await page.SetViewportSizeAsync(1280, 720);
        await DeskFixture.ScreenshotForDocsAsync(page, "desk-board");
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task the_board_answers_to_the_keyboard_and_its_filters()
    {
        var headline = "Filtered story " + Guid.NewGuid().ToString("N")[..6];
        await desk.Api().Draft(content: Api.CompleteDraft(headline));
        var page = await desk.SignedInAsync(Users.Alice);

        await page.Keyboard.PressAsync("j");
        (await page.EvaluateAsync<bool>("document.activeElement?.hasAttribute('data-card') === true")).ShouldBeTrue();

        await page.GetByLabel("Search").FillAsync(headline);
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Draft" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = headline })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In review", Level = 2 })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task an_editor_sees_only_their_desks_and_sign_out_ends_the_session()
    {
        var politics = "Politics story " + Guid.NewGuid().ToString("N")[..6];
        await desk.Api().Draft(Users.Eve, Api.CompleteDraft(politics, desk: "politics"));

        var page = await desk.SignedInAsync(Users.Bob); // world desk only
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = politics })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/desk/sign-in");
        await page.GotoAsync("/desk");
        page.Url.ShouldContain("/desk/sign-in");
    }

    [Fact]
    public async Task the_board_as_of_a_past_moment_shows_each_article_as_it_stood_then()
    {
        var api = desk.Api();
        var headline = "As-of story " + Guid.NewGuid().ToString("N")[..6];
        var draft = await api.Draft(content: Api.CompleteDraft(headline));
        // The field has second precision: a moment a second after the creation, before the submission.
        await Task.Delay(1100);
        var moment = DateTime.UtcNow;
        await Task.Delay(1100);
        await Api.Ok(api.Post($"/api/articles/{draft.Id()}/submit", Users.Alice, new { version = draft.Version() }));

        var page = await desk.SignedInAsync(Users.Alice);
        var inReview = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "In review", Level = 2 }) });
        await Assertions.Expect(inReview.GetByRole(AriaRole.Link, new() { Name = headline })).ToBeVisibleAsync();

        await page.GetByLabel("As of").FillAsync(DeskFixture.DateTimeLocal(moment));
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("as it stood at");
        var drafts = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Draft", Level = 2 }) });
        await Assertions.Expect(drafts.GetByRole(AriaRole.Link, new() { Name = headline })).ToBeVisibleAsync();
        await Assertions.Expect(inReview.GetByRole(AriaRole.Link, new() { Name = headline })).ToHaveCountAsync(0);
    }

}
