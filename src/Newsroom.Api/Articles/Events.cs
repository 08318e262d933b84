namespace Newsroom.Articles;

// The article's events: immutable facts, past tense. Each carries the article id, who did it and when.
// Business time travels in the event (`At`) because the deciders are pure: the caller passes the clock in,
// and projections never read it, so a rebuild reproduces exactly the same read models.

public interface IArticleEvent
{
    Guid ArticleId { get; }
    Actor By { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// Every article event type, found by reflection: a new record implementing <see cref="IArticleEvent"/> is
/// registered with Marten and checked against every consumer (EventCatalogTests) without a list to update.
/// </summary>
public static class ArticleEvents
{
    public static IReadOnlyList<Type> All { get; } = typeof(IArticleEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IArticleEvent).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>What a consumer throws for an event type it does not know, instead of a silent default.</summary>
    public static Exception Unknown(IArticleEvent e) =>
        new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown article event: handle it where docs/contributing.md says.");
}

/// <summary>A new article, revision 1. <c>Source</c> says how it came in: <c>editor</c>, <c>text_import</c>, <c>demo</c>.</summary>
public sealed record ArticleCreated(Guid ArticleId, ArticleContent Content, string Source, Actor By, DateTimeOffset At) : IArticleEvent;

/// <summary>A content change: only the fields that changed, and the new revision number.</summary>
public sealed record ArticleRevised(Guid ArticleId, int Revision, ContentChanges Changes, Actor By, DateTimeOffset At) : IArticleEvent;

/// <summary>A content change after approval voided that approval; the article is a draft again.</summary>
public sealed record ApprovalVoided(Guid ArticleId, int ApprovedRevision, int NewRevision, Actor By, DateTimeOffset At) : IArticleEvent;

public sealed record SubmittedForReview(Guid ArticleId, int Revision, string? Note, Actor By, DateTimeOffset At) : IArticleEvent;

public sealed record ReviewerAssigned(Guid ArticleId, string ReviewerId, Actor By, DateTimeOffset At) : IArticleEvent;

/// <summary>The reviewer approved exactly this revision.</summary>
public sealed record RevisionApproved(Guid ArticleId, int Revision, string? Note, Actor By, DateTimeOffset At) : IArticleEvent;

public sealed record ChangesRequested(Guid ArticleId, int Revision, string Comments, Actor By, DateTimeOffset At) : IArticleEvent;

/// <summary>The article went live. <c>ScheduleId</c> is set when it published itself on schedule.</summary>
public sealed record ArticlePublished(Guid ArticleId, int Revision, string Slug, Actor By, DateTimeOffset At, Guid? ScheduleId = null) : IArticleEvent;

public sealed record ArticleSpiked(Guid ArticleId, ArticleStatus From, string? Reason, Actor By, DateTimeOffset At) : IArticleEvent;

public sealed record ArticleRestored(Guid ArticleId, Actor By, DateTimeOffset At) : IArticleEvent;

/// <summary>An internal note on the article (never public).</summary>
public sealed record CommentAdded(Guid ArticleId, Guid CommentId, string Text, Actor By, DateTimeOffset At) : IArticleEvent;

/// <summary>The publisher set a time for the approved revision to publish itself. <c>ScheduleId</c> ties the durable message to this schedule.</summary>
public sealed record ArticleScheduled(Guid ArticleId, Guid ScheduleId, DateTimeOffset PublishAt, Actor By, DateTimeOffset At) : IArticleEvent;

public sealed record ArticleUnscheduled(Guid ArticleId, Guid ScheduleId, Actor By, DateTimeOffset At) : IArticleEvent;

/// <summary>A change to a published article: a new revision with a public note; the article stays published.</summary>
public sealed record ArticleCorrected(Guid ArticleId, int Revision, ContentChanges Changes, string Note, Actor By, DateTimeOffset At) : IArticleEvent;

/// <summary>Taken down after publication; the public URL answers 410 from now on.</summary>
public sealed record ArticleWithdrawn(Guid ArticleId, string Reason, Actor By, DateTimeOffset At) : IArticleEvent;

/// <summary>The scheduled time came but a rule refused publication (e.g. the slug went live elsewhere); back to approved.</summary>
public sealed record ScheduledPublicationFailed(Guid ArticleId, Guid ScheduleId, string Code, string Detail, Actor By, DateTimeOffset At) : IArticleEvent;
