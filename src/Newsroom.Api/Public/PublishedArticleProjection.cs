using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Newsroom.Articles;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Public.Rendering;

namespace Newsroom.Public;

/// <summary>
/// Builds <see cref="PublishedArticle"/> from the article streams, asynchronously in the daemon. The working
/// content follows every revision; what readers see is copied from it only at publication and at each
/// correction, so a draft never leaks. Deterministic: times come from the events, so a rebuild is identical.
/// </summary>
public sealed partial class PublishedArticleProjection : SingleStreamProjection<PublishedArticle, Guid>
{
    public PublishedArticle Create(ArticleCreated e) => new()
    {
        Id = e.ArticleId,
        Working = e.Content,
        Slug = e.Content.Slug,
        CreatedAt = e.At
    };

    public void Apply(ArticleRevised e, PublishedArticle view) => view.Working = e.Changes.ApplyTo(view.Working);

    public void Apply(ArticlePublished e, PublishedArticle view)
    {
        view.EverPublished = true;
        view.Withdrawn = false;
        view.PublishedAt ??= e.At;
        view.UpdatedAt = e.At;
        view.PublicVersion += 1;
        view.Revision = e.Revision;
        Show(view, view.Working with { Slug = e.Slug });
    }

    public void Apply(ArticleCorrected e, PublishedArticle view)
    {
        view.Working = e.Changes.ApplyTo(view.Working);
        view.UpdatedAt = e.At;
        view.PublicVersion += 1;
        view.Revision = e.Revision;
        view.Corrections.Add(new PublicCorrection(e.Note, e.At, e.Revision));
        Show(view, view.Working);
    }

    public void Apply(ArticleWithdrawn e, PublishedArticle view)
    {
        view.Withdrawn = true;
        view.WithdrawnAt = e.At;
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
