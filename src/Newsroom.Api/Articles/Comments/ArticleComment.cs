using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Newsroom.Articles.Comments;

/// <summary>
/// An internal note on an article: a document of its own, written in the same transaction as the
/// <see cref="CommentAdded"/> event it comes from. Not part of the article document, so revising, commenting on or
/// reading an article costs the same however many notes it has (ADR 0042).
/// </summary>
public sealed class ArticleComment
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    public string Text { get; set; } = "";
    public Actor By { get; set; } = new("", "");
    public DateTimeOffset At { get; set; }

    /// <remarks>The time is kept to the microsecond, as PostgreSQL keeps it in the indexed column, so that a page's
    /// cursor (time, id) compares in the database exactly as it does here.</remarks>
    public static ArticleComment From(Guid articleId, CommentAdded e) =>
        new() { Id = e.CommentId, ArticleId = articleId, Text = e.Text, By = e.By, At = new DateTimeOffset(e.At.Ticks - e.At.Ticks % 10, e.At.Offset) };

    /// <summary>An article's notes in the order they were written (by id among equal times), after a page's cursor if given.</summary>
    public static IQueryable<ArticleComment> Of(IQuerySession session, Guid articleId, Articles.Reading.Cursor? after = null)
    {
        var notes = session.Query<ArticleComment>().Where(c => c.ArticleId == articleId);
        if (after is { } a) notes = notes.Where(c => c.At > a.At || (c.At == a.At && c.Id > a.Id));
        return notes.OrderBy(c => c.At).ThenBy(c => c.Id);
    }
}

/// <summary>Keeps <see cref="ArticleComment"/> inline with every append, so a note can be read as soon as it is accepted.</summary>
public sealed class ArticleCommentProjection : EventProjection
{
    public ArticleCommentProjection()
    {
        Name = "ArticleComments";
        IncludeType<CommentAdded>();
        Options.DeleteViewTypeOnTeardown<ArticleComment>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is CommentAdded added) operations.Store(ArticleComment.From(e.StreamId, added));
        return ValueTask.CompletedTask;
    }
}
