using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.History;

namespace Newsroom.Desk.Pages;

/// <summary>
/// What a reviewer reads: the revision under review against the last text that was approved or published
/// (or, before any, the previous revision), word by word.
/// </summary>
public sealed class ReviewModel(IQuerySession session) : PageModel
{
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
        return Page();
    }
}
