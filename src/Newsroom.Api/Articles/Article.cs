namespace Newsroom.Articles;

/// <summary>
/// The article aggregate: rebuilt from its events, stored inline as the article view (read-your-writes),
/// and the state every decision is taken on. Apply methods are pure; nothing here reads a clock.
/// </summary>
public sealed partial class Article
{
    public Guid Id { get; set; }

    /// <summary>Marten's stream version: the number of events. Clients send it back for optimistic concurrency.</summary>
    public int Version { get; set; }

    public int Revision { get; set; }
    public ArticleStatus Status { get; set; }
    public ArticleContent Content { get; set; } = null!;

    // Flattened copies of the fields the board filters and sorts on, so they can be indexed columns.
    public string Desk { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public string? Reviewer { get; set; }
    public string Slug { get; set; } = "";

    /// <summary>The slug while it is (or was) a public URL: published or withdrawn; otherwise null. Uniquely indexed.</summary>
    public string? LiveSlug
    {
        get => Status is ArticleStatus.Published or ArticleStatus.Withdrawn ? Slug : null;
        set { } // derived; present so the stored document reads back
    }

    public Actor CreatedBy { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Everyone who created or revised the content: none of them may approve it (four eyes).</summary>
    public List<string> Contributors { get; set; } = [];

    public int? ApprovedRevision { get; set; }
    public Actor? ApprovedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ScheduledFor { get; set; }
    public Guid? ScheduleId { get; set; }
    public Actor? ScheduledBy { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<Correction> Corrections { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];

    public static Article Create(ArticleCreated e) => new()
    {
        Id = e.ArticleId,
        Revision = 1,
        Status = ArticleStatus.Draft,
        Content = e.Content,
        Desk = e.Content.Desk,
        Slug = e.Content.Slug,
        CreatedBy = e.By,
        CreatedById = e.By.Id,
        CreatedAt = e.At,
        UpdatedAt = e.At,
        Contributors = [e.By.Id]
    };

    public void Apply(ArticleRevised e)
    {
        Revision = e.Revision;
        Content = e.Changes.ApplyTo(Content);
        Desk = Content.Desk;
        Slug = Content.Slug;
        if (!Contributors.Contains(e.By.Id)) Contributors.Add(e.By.Id);
        UpdatedAt = e.At;
    }

    public void Apply(ApprovalVoided e)
    {
        Status = ArticleStatus.Draft;
        ApprovedRevision = null;
        ApprovedBy = null;
        ClearSchedule();
        UpdatedAt = e.At;
    }

    public void Apply(SubmittedForReview e)
    {
        Status = ArticleStatus.InReview;
        SubmittedAt = e.At;
        UpdatedAt = e.At;
    }

    public void Apply(ReviewerAssigned e)
    {
        Reviewer = e.ReviewerId;
        UpdatedAt = e.At;
    }

    public void Apply(RevisionApproved e)
    {
        Status = ArticleStatus.Approved;
        ApprovedRevision = e.Revision;
        ApprovedBy = e.By;
        UpdatedAt = e.At;
    }

    public void Apply(ChangesRequested e)
    {
        Status = ArticleStatus.ChangesRequested;
        UpdatedAt = e.At;
    }

    public void Apply(ArticlePublished e)
    {
        Status = ArticleStatus.Published;
        PublishedAt ??= e.At;
        ClearSchedule();
        UpdatedAt = e.At;
    }

    public void Apply(ArticleSpiked e)
    {
        Status = ArticleStatus.Spiked;
        ClearSchedule();
        UpdatedAt = e.At;
    }

    public void Apply(ArticleScheduled e)
    {
        Status = ArticleStatus.Scheduled;
        ScheduledFor = e.PublishAt;
        ScheduleId = e.ScheduleId;
        ScheduledBy = e.By;
        UpdatedAt = e.At;
    }

    public void Apply(ArticleUnscheduled e)
    {
        Status = ArticleStatus.Approved;
        ClearSchedule();
        UpdatedAt = e.At;
    }

    public void Apply(ScheduledPublicationFailed e)
    {
        Status = ArticleStatus.Approved;
        ClearSchedule();
        UpdatedAt = e.At;
    }

    public void Apply(ArticleCorrected e)
    {
        Revision = e.Revision;
        Content = e.Changes.ApplyTo(Content);
        Desk = Content.Desk;
        Slug = Content.Slug;
        if (!Contributors.Contains(e.By.Id)) Contributors.Add(e.By.Id);
        Corrections.Add(new Correction(e.Note, e.At, e.By, e.Revision));
        UpdatedAt = e.At;
    }

    public void Apply(ArticleWithdrawn e)
    {
        Status = ArticleStatus.Withdrawn;
        WithdrawnAt = e.At;
        WithdrawalReason = e.Reason;
        UpdatedAt = e.At;
    }

    private void ClearSchedule()
    {
        ScheduledFor = null;
        ScheduleId = null;
        ScheduledBy = null;
    }

    public void Apply(ArticleRestored e)
    {
        // A restored article starts its review over: any earlier approval is gone.
        Status = ArticleStatus.Draft;
        ApprovedRevision = null;
        ApprovedBy = null;
        UpdatedAt = e.At;
    }

    public void Apply(CommentAdded e)
    {
        Comments.Add(new Comment(e.CommentId, e.Text, e.By, e.At));
    }
}

public sealed record Correction(string Note, DateTimeOffset At, Actor By, int Revision);

public sealed record Comment(Guid Id, string Text, Actor By, DateTimeOffset At);

public sealed partial class Article
{
    /// <summary>
    /// Folds one event into the state, the way Marten does when it projects the stream. Used by deciders'
    /// callers that need the state after a decision without a database (unit tests, demo data).
    /// </summary>
    public static Article Fold(Article? state, IArticleEvent @event)
    {
        var article = @event switch
        {
            ArticleCreated created when state is null => Create(created),
            ArticleCreated => throw new InvalidOperationException("An article is created once: ArticleCreated on an existing stream."),
            _ when state is null => throw new InvalidOperationException($"{@event.GetType().Name} before ArticleCreated."),
            ArticleRevised e => Tap(state, s => s.Apply(e)),
            ApprovalVoided e => Tap(state, s => s.Apply(e)),
            SubmittedForReview e => Tap(state, s => s.Apply(e)),
            ReviewerAssigned e => Tap(state, s => s.Apply(e)),
            RevisionApproved e => Tap(state, s => s.Apply(e)),
            ChangesRequested e => Tap(state, s => s.Apply(e)),
            ArticlePublished e => Tap(state, s => s.Apply(e)),
            ArticleSpiked e => Tap(state, s => s.Apply(e)),
            ArticleRestored e => Tap(state, s => s.Apply(e)),
            CommentAdded e => Tap(state, s => s.Apply(e)),
            ArticleScheduled e => Tap(state, s => s.Apply(e)),
            ArticleUnscheduled e => Tap(state, s => s.Apply(e)),
            ScheduledPublicationFailed e => Tap(state, s => s.Apply(e)),
            ArticleCorrected e => Tap(state, s => s.Apply(e)),
            ArticleWithdrawn e => Tap(state, s => s.Apply(e)),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown article event.")
        };
        article.Version = (state?.Version ?? 0) + 1;
        return article;
    }

    /// <summary>Folds several events in order; <paramref name="state"/> is changed, so pass a copy when the original must stay.</summary>
    public static Article FoldAll(Article? state, IEnumerable<IArticleEvent> events)
    {
        foreach (var e in events) state = Fold(state, e);
        return state ?? throw new InvalidOperationException("No events to fold.");
    }

    /// <summary>A deep copy, for folding without touching an instance Marten may still hold.</summary>
    public static Article Copy(Article article) =>
        System.Text.Json.JsonSerializer.Deserialize<Article>(System.Text.Json.JsonSerializer.Serialize(article))!;

    private static Article Tap(Article article, Action<Article> apply)
    {
        apply(article);
        return article;
    }
}
