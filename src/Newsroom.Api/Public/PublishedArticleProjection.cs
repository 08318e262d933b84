using System.Collections.Concurrent;
using JasperFx.Events;
using JasperFx.Events.Grouping;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Newsroom.Articles;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Public.Rendering;

namespace Newsroom.Public;

/// <summary>
/// Builds <see cref="PublishedArticle"/> from the article streams, asynchronously in the daemon. It reads only
/// publications, corrections and withdrawals: at each publication or correction, the public fields are the
/// article's content as its stream stood at that event (the article aggregate's own fold of the committed
/// events), so a draft never leaks and drafts that are never published cost the public side nothing — no
/// document, no work per revision. Deterministic: content and times come from the events, so a rebuild is
/// identical.
/// </summary>
public sealed partial class PublishedArticleProjection : SingleStreamProjection<PublishedArticle, Guid>
{
    public PublishedArticleProjection()
    {
        IncludeType<ArticlePublished>();
        IncludeType<ArticleCorrected>();
        IncludeType<ArticleWithdrawn>();
    }

    // Articles as they stood at the publications and corrections of the batch being applied, looked up
    // together before it is applied (EnrichEventsAsync) and taken out as each event is (EvolveAsync).
    private readonly ConcurrentDictionary<(Guid Id, long Version), Article> _articlesAt = new();

    /// <summary>
    /// One query for the whole batch instead of one per publication: the article's inline snapshot is the
    /// article at the event's version whenever nothing was appended to it since — under load, almost always
    /// (a publication is usually an article's latest event). Otherwise the stream is folded up to the version.
    /// </summary>
    public override async Task EnrichEventsAsync(SliceGroup<PublishedArticle, Guid> group, IQuerySession querySession,
        CancellationToken cancellation)
    {
        var wanted = group.Slices
            .SelectMany(slice => slice.Events().Where(e => e.Data is ArticlePublished or ArticleCorrected).Select(e => (slice.Id, e.Version)))
            .ToList();
        // Left over only from a batch that failed before it was applied; without them, a fold stands in.
        _articlesAt.Clear();
        if (wanted.Count == 0) return;
        var latest = (await querySession.LoadManyAsync<Article>(cancellation, wanted.Select(w => w.Id).Distinct()))
            .ToDictionary(a => a.Id);
        foreach (var key in wanted)
        {
            var article = latest.TryGetValue(key.Id, out var snapshot) && snapshot.Version == key.Version
                ? snapshot
                : await FoldAsync(querySession, key.Id, key.Version, cancellation);
            if (article is not null) _articlesAt[key] = article;
        }
    }

    public override async ValueTask<PublishedArticle?> EvolveAsync(PublishedArticle? view, Guid id, IQuerySession session,
        IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case ArticlePublished published:
                if (await ArticleAtAsync(session, id, e.Version, cancellation) is not { } article) return view;
                view ??= new PublishedArticle { Id = id };
                view.EverPublished = true;
                view.Withdrawn = false;
                view.CreatedAt = article.CreatedAt;
                view.PublishedAt ??= published.At;
                Show(view, article.Content with { Slug = published.Slug }, published.At, published.Revision);
                return view;
            case ArticleCorrected corrected when view is not null:
                if (await ArticleAtAsync(session, id, e.Version, cancellation) is not { } correctedArticle) return view;
                view.Corrections.Add(new PublicCorrection(corrected.Note, corrected.At, corrected.Revision));
                Show(view, correctedArticle.Content, corrected.At, corrected.Revision);
                return view;
            case ArticleWithdrawn withdrawn when view is not null:
                view.Withdrawn = true;
                view.WithdrawnAt = withdrawn.At;
                return view;
            default:
                // Nothing public happens before the first publication.
                return view;
        }
    }

    private async ValueTask<Article?> ArticleAtAsync(IQuerySession session, Guid id, long version, CancellationToken ct)
    {
        if (_articlesAt.TryRemove((id, version), out var article)) return article;
        article = await FoldAsync(session, id, version, ct);
        // A stream that is there but cannot be folded is a fault (the batch fails and is retried); only a
        // stream that is gone altogether is passed over.
        if (article is null && await session.Events.FetchStreamStateAsync(id, ct) is not null)
            throw new InvalidOperationException($"Article stream {id} has no events up to version {version}.");
        return article;
    }

    /// <summary>
    /// The article as its stream stood at <paramref name="version"/>, folded from the committed events; null
    /// when the stream is gone (its events deleted under the daemon, as a test reset does): then there is
    /// nothing to show, and the event is passed over rather than stopping the projection.
    /// </summary>
    private static async Task<Article?> FoldAsync(IQuerySession session, Guid id, long version, CancellationToken ct) =>
        await session.Events.AggregateStreamAsync<Article>(id, version: version, token: ct);

    /// <summary>A new public version (a publication or a correction): the content readers see from <paramref name="at"/>.</summary>
    private static void Show(PublishedArticle view, ArticleContent content, DateTimeOffset at, int revision)
    {
        view.UpdatedAt = at;
        view.PublicVersion += 1;
        view.Revision = revision;
        view.Slug = content.Slug;
        view.Headline = content.Headline;
        view.Standfirst = content.Standfirst;
        view.Body = content.Body ?? "";
        view.Html = ArticleHtml.Render(content.Body);
        view.Desk = content.Desk;
        view.Byline = [.. content.Byline];
        view.Tags = [.. content.Tags];
        view.Category = content.Category;
        view.Locations = [.. content.Locations];
        view.Language = content.Language;
        view.Priority = content.Priority;
        view.EmbargoUntil = content.EmbargoUntil;
    }
}

public static class PublicArticlesStore
{
    public static StoreOptions AddPublicArticles(this StoreOptions options)
    {
        options.Projections.Add<PublishedArticleProjection>(ProjectionLifecycle.Async, ProjectionLimits.Configure);
        // Selective columns only: a boolean index (published? withdrawn?) misleads the planner more than it
        // helps. "Ever published" is "has a publication time"; newest-first lists walk the time index.
        options.Schema.For<PublishedArticle>()
            .Duplicate(a => a.Slug)
            .Duplicate(a => a.Desk)
            .Duplicate(a => a.PublishedAt, "timestamptz");
        return options;
    }
}
