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
public sealed class HistoryModel(IDocumentSession session, ArticleCommands commands, TimeProvider clock, IServiceProvider services) : PageModel
{
    /// <summary>The revisions "Restore this revision" may be offered for: the revert decider accepts them now.</summary>
    public IReadOnlySet<int> Restorable { get; private set; } = new HashSet<int>();
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, int revision, int version)
    {
        var page = await OnGetAsync(id);
        if (Stream is null) return page;
        var context = new Desk.ActionContext(Stream.Current, commands, services);
        var result = await context.RunAsync(new Articles.Drafting.RevertArticle(version, revision),
            (c, commands) => Articles.Drafting.RevertArticleEndpoint.Post(id, c, commands));
        if (Desk.ActionState.RefusalOf(result) is { } problem)
        {
            Refusal = $"Restore: {problem.Detail}" + (problem.Errors is { } errors ? " " + string.Join(" ", errors.SelectMany(e => e.Value)) : "");
            Response.StatusCode = problem.Status;
            return Page();
        }
        return Redirect($"/desk/articles/{id}");
    }

    public ArticleStream? Stream { get; private set; }
    public IReadOnlyList<RevisionSnapshot> Revisions { get; private set; } = [];
    public BlameResponse? Blame { get; private set; }

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? AsOf { get; set; }

    public IReadOnlyList<FieldChange>? Comparison { get; private set; }

    /// <summary>An approval, and when a later revision changed the text it approved, what changed since.</summary>
    public sealed record ApprovalView(RevisionApproved Approval, bool Stale, IReadOnlyList<FieldChange> ChangedSince);
    public IReadOnlyList<ApprovalView> Approvals { get; private set; } = [];

    /// <summary>Webhook deliveries of this article, shown to the roles the API's delivery log is for.</summary>
    public IReadOnlyList<Webhooks.WebhookDelivery> Deliveries { get; private set; } = [];

    /// <summary>Events and deliveries on one timeline, oldest first.</summary>
    public IEnumerable<(DateTimeOffset At, JasperFx.Events.IEvent? Event, Webhooks.WebhookDelivery? Delivery)> Timeline =>
        Stream!.Events.Select(e => (e.Timestamp, (JasperFx.Events.IEvent?)e, (Webhooks.WebhookDelivery?)null))
            .Concat(Deliveries.Select(d => (d.FirstAttemptAt, (JasperFx.Events.IEvent?)null, (Webhooks.WebhookDelivery?)d)))
            .OrderBy(t => t.Item1);
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
        var user = Infrastructure.Identity.CurrentUser.From(User);
        if (Desk.EndpointRoles.Of(typeof(Articles.Drafting.RevertArticleEndpoint), "Post").Admit(user))
            Restorable = Revisions.Where(r => Articles.Drafting.RevertArticleEndpoint.Decide(r.Revision, Revisions, Stream.Current, user, clock.GetUtcNow()).Problem is null)
                .Select(r => r.Revision).ToHashSet();
        Blame = BlameEndpoint.Attribute(Revisions, Stream.Facts.OfType<RevisionApproved>().ToList());
        var latest = Revisions[^1];
        Approvals = Stream.Facts.OfType<RevisionApproved>().Select(a =>
        {
            var approved = Find(a.Revision);
            var stale = a.Revision < latest.Revision && approved is not null;
            return new ApprovalView(a, stale, stale ? DiffEndpoint.Compare(approved!.Content, latest.Content) : []);
        }).ToList();
        if (Desk.EndpointRoles.Of(typeof(Webhooks.ListDeliveriesEndpoint), "Get").Admit(user))
            Deliveries = await session.Query<Webhooks.WebhookDelivery>().Where(d => d.ArticleId == id).OrderBy(d => d.FirstAttemptAt).ToListAsync(HttpContext.RequestAborted);

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
