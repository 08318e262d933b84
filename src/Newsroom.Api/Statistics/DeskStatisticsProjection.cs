using System.Collections.Immutable;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Newsroom.Articles;

namespace Newsroom.Statistics;

/// <summary>
/// Counts per status, review and publication times, approvals per reviewer — per desk. Every number comes
/// from the events' own times and order, so rebuilding from the events gives exactly the same result.
/// Documents touched several times in one batch are tracked in the identity map (see registration).
/// </summary>
public sealed partial class DeskStatisticsProjection : EventProjection
{
    public DeskStatisticsProjection()
    {
        Name = "DeskStatistics";
        Options.DeleteViewTypeOnTeardown<DeskStatistics>();
        Options.DeleteViewTypeOnTeardown<DeskStatisticsArticle>();
        Options.DeleteViewTypeOnTeardown<DeskDuration>();
    }

    // The desk documents are written once per batch, after its last event, not once per event, so a busy
    // desk's row is not rewritten per event in one transaction (figures: docs/performance.md). The batch's
    // events arrive first in EnrichEventsAsync, then one by one in ApplyAsync, in order, one batch after the other.
    private long _lastOfBatch = NoBatch;
    private readonly Dictionary<string, DeskStatistics> _touched = new();   // by desk id
    private const long NoBatch = -1;

    /// <summary>
    /// Notes the batch's last event, and loads what the batch will need in two queries: the remembered state
    /// of every article it touches, then those articles' desks. They land in the batch session's identity
    /// map, where <see cref="ApplyAsync"/> finds them, instead of one round trip per article and desk as
    /// their first event comes up (the same session: checked, and required for the identity map to help).
    /// </summary>
    public override async Task EnrichEventsAsync(IQuerySession querySession, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        _touched.Clear();
        _lastOfBatch = events.Count == 0 ? NoBatch : events[^1].Sequence;
        var facts = events.Select(e => e.Data).OfType<IArticleEvent>().ToList();
        var ids = facts.Where(f => f is not ArticleCreated).Select(f => f.ArticleId).Distinct().ToArray();
        var articles = ids.Length == 0 ? [] : await querySession.LoadManyAsync<DeskStatisticsArticle>(ct, ids);
        var desks = articles.Select(a => a.Desk)
            .Concat(facts.OfType<ArticleCreated>().Select(c => c.Content.Desk))
            .Concat(facts.OfType<ArticleRevised>().Select(r => r.Changes.Desk).OfType<string>())
            .Concat(facts.OfType<ArticleCorrected>().Select(c => c.Changes.Desk).OfType<string>())
            .Distinct().ToArray();
        if (desks.Length > 0) await querySession.LoadManyAsync<DeskStatistics>(ct, desks);
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken ct)
    {
        await ApplyFactAsync(operations, e, ct);
        // Without batch information (not run by the daemon), every change is written at once.
        if (_lastOfBatch != NoBatch && e.Sequence != _lastOfBatch) return;
        foreach (var desk in _touched.Values) operations.Store(desk);
        _touched.Clear();
        _lastOfBatch = NoBatch;
    }

    private async Task ApplyFactAsync(IDocumentOperations operations, IEvent e, CancellationToken ct)
    {
        if (e.Data is not IArticleEvent fact) return;

        if (fact is ArticleCreated created)
        {
            var article = new DeskStatisticsArticle
            {
                Id = created.ArticleId, Desk = created.Content.Desk, Status = ArticleStatus.Draft, CreatedAt = created.At
            };
            var desk = await DeskAsync(operations, article.Desk, ct);
            desk.Count(ArticleStatus.Draft, +1);
            operations.Store(article);
            _touched[desk.Id] = desk;
            return;
        }

        var tracked = await operations.LoadAsync<DeskStatisticsArticle>(fact.ArticleId, ct);
        if (tracked is null) return;
        var stats = await DeskAsync(operations, tracked.Desk, ct);

        var changed = false;
        // A desk move, and the measurements some events end; the status itself comes from the aggregate's
        // status machine, so the counts cannot drift from the articles.
        switch (fact)
        {
            case ArticleRevised { Changes.Desk: { } newDesk } when newDesk != tracked.Desk:
                stats = await MoveDeskAsync(operations, stats, tracked, newDesk, ct);
                changed = true;
                break;
            case ArticleCorrected { Changes.Desk: { } correctedDesk } when correctedDesk != tracked.Desk:
                stats = await MoveDeskAsync(operations, stats, tracked, correctedDesk, ct);
                changed = true;
                break;
            case SubmittedForReview s:
                tracked.SubmittedAt = s.At;
                changed = true;
                break;
            case RevisionApproved a:
                if (tracked.SubmittedAt is { } submitted)
                    operations.Insert(Duration(e, tracked.Desk, DeskDuration.SubmissionToApproval, a.At - submitted));
                stats.CountApproval(a.By.Id, a.By.Name);
                changed = true;
                break;
            case ArticlePublished p:
                if (!tracked.Published)
                    operations.Insert(Duration(e, tracked.Desk, DeskDuration.CreationToPublication, p.At - tracked.CreatedAt));
                tracked.Published = true;
                changed = true;
                break;
        }

        var status = Article.StatusAfter(tracked.Status, fact);
        if (status != tracked.Status)
        {
            Move(stats, tracked, status);
            changed = true;
        }
        if (!changed) return;

        operations.Store(tracked);
        _touched[stats.Id] = stats;
    }

    private async Task<DeskStatistics> MoveDeskAsync(IDocumentOperations operations, DeskStatistics from,
        DeskStatisticsArticle article, string newDesk, CancellationToken ct)
    {
        from.Count(article.Status, -1);
        _touched[from.Id] = from;
        article.Desk = newDesk;
        var to = await DeskAsync(operations, newDesk, ct);
        to.Count(article.Status, +1);
        return to;
    }

    private static DeskDuration Duration(IEvent e, string desk, string kind, TimeSpan duration) =>
        new() { Id = e.Id, Desk = desk, Kind = kind, Seconds = duration.TotalSeconds };

    // A desk changed earlier in this batch is not stored yet, so not in the identity map: take it from here.
    private async Task<DeskStatistics> DeskAsync(IDocumentOperations operations, string desk, CancellationToken ct) =>
        _touched.GetValueOrDefault(desk)
        ?? await operations.LoadAsync<DeskStatistics>(desk, ct)
        ?? new DeskStatistics { Id = desk };

    private static void Move(DeskStatistics stats, DeskStatisticsArticle article, ArticleStatus to)
    {
        stats.Count(article.Status, -1);
        article.Status = to;
        stats.Count(to, +1);
    }
}
