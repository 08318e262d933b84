using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.History;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk.Pages;

/// <summary>
/// What a reviewer reads: the revision under review against the last text that was approved or published
/// (or, before any, the previous revision), word by word.
/// </summary>
public sealed class ReviewModel(IDocumentSession session, ArticleCommands commands, IServiceProvider services) : PageModel
{
    public IReadOnlyList<ActionState> Actions { get; private set; } = [];
    public string? Refusal { get; private set; }

    [BindProperty] public string? Comments { get; set; }

    /// <summary>Approve or request changes, bound to the revision and version this screen showed.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? action, int version, int revision)
    {
        var page = await OnGetAsync(id);
        if (Stream is null) return page;
        if (action is not ("Approve" or "Request changes") || ArticleAction.Named(action) is not { } chosen || !chosen.AllowedFor(CurrentUser.From(User)))
        {
            Refusal = "That action is not available to you.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        var result = await chosen.Execute(Context(), new ActionInput(version, revision, null, Comments, null));
        if (ActionState.RefusalOf(result) is { } problem)
        {
            Refusal = $"{chosen.Name}: {problem.Detail}" + (problem.Errors is { } errors ? " " + string.Join(" ", errors.SelectMany(e => e.Value)) : "");
            Response.StatusCode = problem.Status;
            return Page();
        }
        return Redirect($"/desk/articles/{id}");
    }

    private ActionContext Context() =>
        new(Stream!.Current, commands, services);

    public ArticleStream? Stream { get; private set; }
    public RevisionSnapshot? Shown { get; private set; }
    public RevisionSnapshot? Baseline { get; private set; }
    public string BaselineReason { get; private set; } = "";
    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Stream = await ArticleStream.LoadVisibleAsync(session, HttpContext, id);
        if (Stream is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var revisions = Stream.Revisions();
        Shown = revisions[^1];
        var signedOff = Stream.Facts
            .Select(f => f switch { RevisionApproved a => (int?)a.Revision, ArticlePublished p => p.Revision, _ => null })
            .Where(r => r is { } n && n < Shown.Revision).Max();
        if (signedOff is { } last)
        {
            Baseline = revisions.First(r => r.Revision == last);
            BaselineReason = $"the last approved or published text (revision {last})";
        }
        else if (revisions.Count > 1)
        {
            Baseline = revisions[^2];
            BaselineReason = $"the previous revision ({Baseline.Revision})";
        }
        Changes = Baseline is null ? [] : DiffEndpoint.Compare(Baseline.Content, Shown.Content);
        Actions = (await ActionState.ForAsync(Context())).Where(a => a.Action.Name is "Approve" or "Request changes").ToList();
        return Page();
    }
}
