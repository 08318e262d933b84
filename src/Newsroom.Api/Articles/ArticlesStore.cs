using JasperFx.Events.Projections;
using Marten;

namespace Newsroom.Articles;

public static class ArticlesStore
{
    public const string LiveSlugIndex = "mt_doc_article_uidx_live_slug_v2";
    public const string BoardIndex = "mt_doc_article_idx_board_v2";

    /// <summary>The article streams, and the article view kept inline with every append (read-your-writes).</summary>
    public static StoreOptions AddArticles(this StoreOptions options)
    {
        options.Events.AddEventTypes(ArticleEvents.All);

        options.Projections.Snapshot<Article>(SnapshotLifecycle.Inline);

        // The board filters and pages on these; duplicated into real, indexed columns.
        options.Schema.For<Article>()
            .Duplicate(a => a.Status)
            .Duplicate(a => a.Desk)
            .Duplicate(a => a.CreatedById)
            .Duplicate(a => a.Reviewer)
            // Slug allocation at creation looks slugs up among all articles: a plain index.
            .Duplicate(a => a.Slug)
            // Rule 7 in the database itself: two publications racing for one slug cannot both commit.
            // LiveSlug is the slug of a published or withdrawn article and null otherwise; nulls never
            // collide, so a plain unique index covers exactly the live articles (ADR 0010, 0011).
            .Duplicate(a => a.LiveSlug, configure: index =>
            {
                index.Name = LiveSlugIndex;
                index.IsUnique = true;
            })
            // The publisher's all-desk board sorts on this alone; desk boards use the index below.
            .Duplicate(a => a.UpdatedAt, "timestamptz")
            .Duplicate(a => a.SubmittedAt, "timestamptz");

        // One index serves the board's usual query (desk and status filters, newest change first, id as the
        // tie-break of the keyset cursor) without a sort. A composite index over the duplicated columns: the
        // index of a duplicated field always has that one column (Marten's DocumentIndex ignores a Columns
        // setting), so an index over several duplicated columns must be declared this way.
        options.Schema.For<Article>().Index([a => a.Desk, a => a.Status, a => a.UpdatedAt, a => a.Id], index => index.Name = BoardIndex);

        // Internal notes are documents of their own beside the article, read by article in the order written (ADR 0042).
        options.Projections.Add(new Comments.ArticleCommentProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Comments.ArticleComment>()
            .Duplicate(c => c.ArticleId)
            .Duplicate(c => c.At, "timestamptz");

        options.Schema.For<Drafting.IdempotencyRecord>();
        // One counter per derived base slug, so allocating the n-th "same-headline" slug is O(1) (ADR 0023).
        options.Storage.ExtendedSchemaObjects.Add(Drafting.SlugAllocator.CounterSchema());

        return options;
    }
}
