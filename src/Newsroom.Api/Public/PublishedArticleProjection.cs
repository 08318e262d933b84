using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Newsroom.Articles;
using Newsroom.Public.Rendering;

namespace Newsroom.Public;

/// <summary>
/// Builds <see cref="PublishedArticle"/> from the article streams, asynchronously in the daemon. An article
/// gets its public document at its first publication, with the content as the stream had it at that
/// version; from then on the working content follows every revision, and what readers see is copied from it
/// only at each publication and correction, so a draft never leaks. Drafts that are never published cost
/// the public side nothing. Deterministic: times and content come from the events, so a rebuild is identical.
/// </summary>
public sealed partial class PublishedArticleProjection : SingleStreamProjection<PublishedArticle, Guid>
{
    public PublishedArticleProjection()
    {
        // Creation is not among them: a document starts at the first publication.
        IncludeType<ArticleRevised>();
        IncludeType<ArticlePublished>();
        IncludeType<ArticleCorrected>();
        IncludeType<ArticleWithdrawn>();
    }

    public override async ValueTask<PublishedArticle?> EvolveAsync(PublishedArticle? view, Guid id, IQuerySession session,
        IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case ArticlePublished published:
                view ??= await FirstPublicationAsync(session, id, e.Version, cancellation);
                Publish(published, view);
                return view;
            case ArticleRevised revised when view is not null:
                view.Working = revised.Changes.ApplyTo(view.Working);
                return view;
            case ArticleCorrected corrected when view is not null:
                Correct(corrected, view);
                return view;
            case ArticleWithdrawn withdrawn when view is not null:
                view.Withdrawn = true;
                view.WithdrawnAt = withdrawn.At;
                return view;
            default:
                // Before the first publication there is no public document, and nothing to do.
                return view;
        }
    }

    // The article as its stream stood at the publication: the article aggregate's own fold, read from the
    // committed events (so a rebuild reads exactly the same).
    private static async Task<PublishedArticle> FirstPublicationAsync(IQuerySession session, Guid id, long version, CancellationToken ct)
    {
        var article = await session.Events.AggregateStreamAsync<Article>(id, version: version, token: ct)
            ?? throw new InvalidOperationException($"Article stream {id} has no events up to version {version}.");
        return new PublishedArticle { Id = id, Working = article.Content, Slug = article.Content.Slug, CreatedAt = article.CreatedAt };
    }

    private static void Publish(ArticlePublished e, PublishedArticle view)
    {
        view.EverPublished = true;
        view.Withdrawn = false;
        view.PublishedAt ??= e.At;
        view.UpdatedAt = e.At;
        view.PublicVersion += 1;
        view.Revision = e.Revision;
        Show(view, view.Working with { Slug = e.Slug });
    }

    private static void Correct(ArticleCorrected e, PublishedArticle view)
    {
        view.Working = e.Changes.ApplyTo(view.Working);
        view.UpdatedAt = e.At;
        view.PublicVersion += 1;
        view.Revision = e.Revision;
        view.Corrections.Add(new PublicCorrection(e.Note, e.At, e.Revision));
        Show(view, view.Working);
    }

    private static void Show(PublishedArticle view, ArticleContent content)
    {
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
        options.Projections.Add<PublishedArticleProjection>(ProjectionLifecycle.Async);
        // Selective columns only: a boolean index (published? withdrawn?) misleads the planner more than it
        // helps. "Ever published" is "has a publication time"; newest-first lists walk the time index.
        options.Schema.For<PublishedArticle>()
            .Duplicate(a => a.Slug)
            .Duplicate(a => a.Desk)
            .Duplicate(a => a.PublishedAt, "timestamptz");
        return options;
    }
}
