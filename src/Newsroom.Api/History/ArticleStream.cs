using JasperFx.Events;
using Marten;
using Newsroom.Articles;

namespace Newsroom.History;

/// <summary>
/// An article's full event stream, read live (never from a derived table), for history, revisions, diffs
/// and blame: what the past looked like is always exactly what was recorded.
/// </summary>
public sealed record ArticleStream(Article Current, IReadOnlyList<IEvent> Events)
{
    public static async Task<ArticleStream?> LoadVisibleAsync(IQuerySession session, HttpContext http, Guid id)
    {
        var current = await VisibleArticle.LoadAsync(session, http, id);
        if (current is null) return null;
        var events = await session.Events.FetchStreamAsync(id, token: http.RequestAborted);
        return new ArticleStream(current, events);
    }

    public IEnumerable<IArticleEvent> Facts => Events.Select(e => e.Data).OfType<IArticleEvent>();

    /// <summary>Each revision's complete content, in order, with who made it and when.</summary>
    public IReadOnlyList<RevisionSnapshot> Revisions()
    {
        var result = new List<RevisionSnapshot>();
        ArticleContent? content = null;
        foreach (var fact in Facts)
        {
            switch (fact)
            {
                case ArticleCreated c:
                    content = c.Content;
                    result.Add(new RevisionSnapshot(1, c.At, c.By, content, ContentChanges: null, CorrectionNote: null));
                    break;
                case ArticleRevised r:
                    content = r.Changes.ApplyTo(content!);
                    result.Add(new RevisionSnapshot(r.Revision, r.At, r.By, content, r.Changes, null));
                    break;
                case ArticleCorrected c:
                    content = c.Changes.ApplyTo(content!);
                    result.Add(new RevisionSnapshot(c.Revision, c.At, c.By, content, c.Changes, c.Note));
                    break;
                // An event that starts a revision must say here what the content became.
                case var other when EventSummaries.RevisionOf(other) > (result.Count == 0 ? 0 : result[^1].Revision)
                                    && other is not ApprovalVoided:
                    throw ArticleEvents.Unknown(other);
            }
        }
        return result;
    }
}

/// <summary>The article's content at one revision. <c>ContentChanges</c> is null for revision 1 (everything was new).</summary>
public sealed record RevisionSnapshot(int Revision, DateTimeOffset At, Actor By, ArticleContent Content,
    ContentChanges? ContentChanges, string? CorrectionNote);
