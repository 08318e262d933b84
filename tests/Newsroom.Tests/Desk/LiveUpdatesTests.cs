using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

/// <summary>
/// Open screens follow changes made by other people without a reload. The change travels through PostgreSQL
/// (NOTIFY on newsroom_desk, LISTEN on every node), so the same path serves a multi-node deployment.
/// </summary>
[Collection(DeskCollection.Name)]
public class live_updates(DeskFixture desk)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 5_000 };

    [Fact]
    public async Task a_new_article_appears_on_another_persons_open_board_and_a_submission_on_an_open_article()
    {
        var api = desk.Api();
        var existing = await api.Draft(content: Api.CompleteDraft("Open on Rita's screen"));
        var alice = await desk.SignedInAsync(Users.Alice);
        var rita = await desk.SignedInAsync(Users.Rita);
        await rita.GotoAsync($"/desk/articles/{existing.Id()}");
        await Assertions.Expect(rita.Locator(".facts")).ToContainTextAsync("Draft");
        await alice.WaitForTimeoutAsync(300); // both pages have opened their live stream

        var headline = "Live story " + Guid.NewGuid().ToString("N")[..6];
        await api.Draft(Users.Bob, Api.CompleteDraft(headline));
        await Assertions.Expect(alice.GetByRole(AriaRole.Link, new() { Name = headline })).ToBeVisibleAsync(Soon);

        await Api.Ok(api.Post($"/api/articles/{existing.Id()}/submit", Users.Alice, new { version = existing.Version() }));
        await Assertions.Expect(rita.Locator(".facts")).ToContainTextAsync("In review", new() { Timeout = 5_000 });
        var inReview = alice.Locator("section", new() { Has = alice.GetByRole(AriaRole.Heading, new() { Name = "In review", Level = 2 }) });
        await Assertions.Expect(inReview.GetByRole(AriaRole.Link, new() { Name = "Open on Rita's screen" })).ToBeVisibleAsync(Soon);
    }

    [Fact]
    public async Task changes_and_presence_reach_a_board_open_on_another_node()
    {
        var otherNode = desk.SecondNode();
        var alice = await desk.SignedInAsync(Users.Alice, otherNode);
        await alice.WaitForTimeoutAsync(300);

        var headline = "Cross-node story " + Guid.NewGuid().ToString("N")[..6];
        var draft = await desk.Api().Draft(Users.Bob, Api.CompleteDraft(headline)); // through the first node
        await Assertions.Expect(alice.GetByRole(AriaRole.Link, new() { Name = headline })).ToBeVisibleAsync(Soon);

        var bob = await desk.SignedInAsync(Users.Bob); // editing on the first node
        await bob.GotoAsync($"/desk/articles/{draft.Id()}/edit");
        var card = alice.Locator(".card", new() { Has = alice.GetByRole(AriaRole.Link, new() { Name = headline }) });
        await Assertions.Expect(card).ToContainTextAsync("Bob Editor is editing", new() { Timeout = 5_000 });
    }
}
