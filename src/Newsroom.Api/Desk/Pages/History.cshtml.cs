using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.History;

namespace Newsroom.Desk.Pages;

/// <summary>
/// An article's whole life, read from its events: the timeline, any two revisions compared, the article as it
/// stood at a moment, and who last changed each paragraph. Everything here is computed from the stream itself.
/// </summary>
public sealed class HistoryModel(IQuerySession session) : PageModel
{
    public ArticleStream? Stream { get; private set; }
    public IReadOnlyList<RevisionSnapshot> Revisions { get; private set; } = [];
    public BlameResponse? Blame { get; private set; }

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? AsOf { get; set; }

    public IReadOnlyList<FieldChange>? Comparison { get; private set; }
    public Article? Then { get; private set; }
    public string? AsOfProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Stream = await ArticleStream.LoadVisibleAsync(session, HttpContext, id);
        if (Stream is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Revisions = Stream.Revisions();
        Blame = BlameEndpoint.Attribute(Revisions, Stream.Facts.OfType<RevisionApproved>().ToList());

        if (From is { } from && To is { } to && Find(from) is { } before && Find(to) is { } after)
            Comparison = DiffEndpoint.Compare(before.Content, after.Content);

        if (AsOf is { } asOf)
        {
            // The form's value is UTC (the field says so): the article as its events had made it by then.
            var moment = new DateTimeOffset(DateTime.SpecifyKind(asOf, DateTimeKind.Utc));
            var facts = Stream.Events.Where(e => e.Timestamp <= moment).Select(e => e.Data).OfType<IArticleEvent>().ToList();
            if (facts.Count == 0) AsOfProblem = "The article did not exist yet at that moment.";
            else Then = Article.FoldAll(null, facts);
        }
        return Page();
    }

    private RevisionSnapshot? Find(int revision) => Revisions.FirstOrDefault(r => r.Revision == revision);

    public static string Summary(IEvent e) => e.Data is IArticleEvent fact ? EventSummaries.For(fact) : e.EventTypeName;
}
