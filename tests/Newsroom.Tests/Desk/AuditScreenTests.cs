using Marten;
using Marten.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

[Collection(DeskCollection.Name)]
public class the_audit_log_screen(DeskFixture desk)
{
    [Fact]
    public async Task an_auditor_filters_the_log_and_exports_it_as_csv()
    {
        var headline = "Audited story " + Guid.NewGuid().ToString("N")[..6];
        // Other desk tests share this database: only what happens from this second on counts.
        var from = DateTime.UtcNow.AddSeconds(-1);
        var draft = await desk.Api().Draft(Users.Bob, Api.CompleteDraft(headline));
        await desk.Services.GetRequiredService<IHost>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var page = await desk.SignedInAsync(Users.Aude);
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Actor").FillAsync("bob");
        await page.GetByLabel("Type").SelectOptionAsync("article_created");
        await page.GetByLabel("From").FillAsync(DeskFixture.DateTimeLocal(from));
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var rows = page.Locator("table.audit tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Bob Editor");
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);

        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(href!);
        csv.Status.ShouldBe(200);
        csv.Headers["content-type"].ShouldStartWith("text/csv");
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("seq,articleId,version,type,actorId,actorName,at,summary,correlationId");
        lines.Skip(1).ShouldHaveSingleItem().ShouldContain(draft.Id().ToString());
    }

    [Fact]
    public async Task an_editor_neither_sees_nor_reaches_it()
    {
        var page = await desk.SignedInAsync(Users.Alice);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/desk/audit");
        response!.Status.ShouldBe(403);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
        (await page.Context.APIRequest.GetAsync("/desk/audit/export.csv")).Status.ShouldBe(403);
    }

}
