using Newsroom.Articles;

namespace Newsroom.History;

/// <summary>One sentence a person reads in a timeline or the audit log: "Rita Reviewer approved revision 3".</summary>
public static class EventSummaries
{
    public static string For(IArticleEvent e) => e switch
    {
        ArticleCreated c => $"{c.By.Name} created the article{(c.Source == "editor" ? "" : $" ({c.Source.Replace('_', ' ')})")} on the {c.Content.Desk} desk (revision 1)",
        ArticleRevised r => $"{r.By.Name} revised {string.Join(", ", r.Changes.FieldNames())} (revision {r.Revision})",
        ApprovalVoided v => $"The approval of revision {v.ApprovedRevision} was voided by {v.By.Name}'s change (revision {v.NewRevision}); back to draft",
        SubmittedForReview s => $"{s.By.Name} submitted revision {s.Revision} for review",
        ReviewerAssigned a => $"{a.By.Name} assigned {a.ReviewerId} as reviewer",
        RevisionApproved a => $"{a.By.Name} approved revision {a.Revision}",
        ChangesRequested c => $"{c.By.Name} requested changes to revision {c.Revision}",
        ArticlePublished p when p.ScheduleId is not null => $"Revision {p.Revision} was published as scheduled by {p.By.Name}",
        ArticlePublished p => $"{p.By.Name} published revision {p.Revision}",
        ArticleScheduled s => $"{s.By.Name} scheduled publication for {Infrastructure.Iso8601.Utc(s.PublishAt)}",
        ArticleUnscheduled u => $"{u.By.Name} cancelled the scheduled publication",
        ScheduledPublicationFailed f => $"The scheduled publication was refused ({f.Code}): {f.Detail}",
        ArticleCorrected c => $"{c.By.Name} corrected {string.Join(", ", c.Changes.FieldNames())} (revision {c.Revision}): {c.Note}",
        ArticleWithdrawn w => $"{w.By.Name} withdrew the article: {w.Reason}",
        ArticleSpiked s => $"{s.By.Name} spiked the article{(string.IsNullOrWhiteSpace(s.Reason) ? "" : $": {s.Reason}")}",
        ArticleRestored r => $"{r.By.Name} restored the article to draft",
        CommentAdded c => $"{c.By.Name} commented",
        // Not a silent default: EventCatalogTests summarises every event type.
        _ => throw ArticleEvents.Unknown(e)
    };

    /// <summary>The revision an event concerns, where one applies; every event type is listed, null included.</summary>
    public static int? RevisionOf(IArticleEvent e) => e switch
    {
        ArticleCreated => 1,
        ArticleRevised r => r.Revision,
        ApprovalVoided v => v.NewRevision,
        SubmittedForReview s => s.Revision,
        ReviewerAssigned => null,
        RevisionApproved a => a.Revision,
        ChangesRequested c => c.Revision,
        ArticlePublished p => p.Revision,
        ArticleScheduled => null,
        ArticleUnscheduled => null,
        ScheduledPublicationFailed => null,
        ArticleCorrected c => c.Revision,
        ArticleWithdrawn => null,
        ArticleSpiked => null,
        ArticleRestored => null,
        CommentAdded => null,
        _ => throw ArticleEvents.Unknown(e)
    };

    /// <summary>The wire name of an event type: <c>revision_approved</c>.</summary>
    public static string TypeName(IArticleEvent e) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(e.GetType().Name);
}
