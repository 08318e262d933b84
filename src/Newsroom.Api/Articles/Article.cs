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

    public static Article Create(ArticleCreated e) => new()
    {
        Id = e.ArticleId,
        Revision = 1,
        Status = StatusAfter(ArticleStatus.Draft, e),
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
        Status = StatusAfter(Status, e);
        ApprovedRevision = null;
        ApprovedBy = null;
        ClearSchedule();
        UpdatedAt = e.At;
    }

    public void Apply(SubmittedForReview e)
    {
        Status = StatusAfter(Status, e);
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
        Status = StatusAfter(Status, e);
        ApprovedRevision = e.Revision;
        ApprovedBy = e.By;
        UpdatedAt = e.At;
    }

    public void Apply(ChangesRequested e)
    {
        Status = StatusAfter(Status, e);
        UpdatedAt = e.At;
    }

    public void Apply(ArticlePublished e)
    {
        Status = StatusAfter(Status, e);
        PublishedAt ??= e.At;
        ClearSchedule();
        UpdatedAt = e.At;
    }

    public void Apply(ArticleSpiked e)
    {
        Status = StatusAfter(Status, e);
        ClearSchedule();
        UpdatedAt = e.At;
    }

    public void Apply(ArticleScheduled e)
    {
        Status = StatusAfter(Status, e);
        ScheduledFor = e.PublishAt;
        ScheduleId = e.ScheduleId;
        ScheduledBy = e.By;
        UpdatedAt = e.At;
    }

    public void Apply(ArticleUnscheduled e)
    {
        Status = StatusAfter(Status, e);
        ClearSchedule();
        UpdatedAt = e.At;
    }

    public void Apply(ScheduledPublicationFailed e)
    {
        Status = StatusAfter(Status, e);
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
        Status = StatusAfter(Status, e);
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
        Status = StatusAfter(Status, e);
        ApprovedRevision = null;
        ApprovedBy = null;
        UpdatedAt = e.At;
    }

    /// <summary>A note changes nothing the article document holds: notes are documents of their own (ADR 0042).</summary>
    public void Apply(CommentAdded e)
    {
    }
}

public sealed record Correction(string Note, DateTimeOffset At, Actor By, int Revision);

public sealed partial class Article
{
    /// <summary>
    /// The one status machine: where an article stands after an event. The aggregate's Apply methods and the
    /// statistics projection both ask it, so they cannot disagree. Events that leave the status alone say so.
    /// </summary>
    public static ArticleStatus StatusAfter(ArticleStatus current, IArticleEvent @event) => @event switch
    {
        ArticleCreated => ArticleStatus.Draft,
        ArticleRevised => current,
        ApprovalVoided => ArticleStatus.Draft,
        SubmittedForReview => ArticleStatus.InReview,
        ReviewerAssigned => current,
        RevisionApproved => ArticleStatus.Approved,
        ChangesRequested => ArticleStatus.ChangesRequested,
        ArticlePublished => ArticleStatus.Published,
        ArticleScheduled => ArticleStatus.Scheduled,
        ArticleUnscheduled => ArticleStatus.Approved,
        ScheduledPublicationFailed => ArticleStatus.Approved,
        ArticleCorrected => current,
        ArticleWithdrawn => ArticleStatus.Withdrawn,
        ArticleSpiked => ArticleStatus.Spiked,
        ArticleRestored => ArticleStatus.Draft,
        CommentAdded => current,
        // Not a silent default: EventCatalogTests runs every event type through here.
        _ => throw ArticleEvents.Unknown(@event)
    };

    // Built once from the public Apply methods, the same ones Marten's snapshot projection calls, so the
    // in-memory fold cannot miss an event the database projection handles (and a test checks every event
    // type has one).
    private static readonly IReadOnlyDictionary<Type, Action<Article, IArticleEvent>> Appliers =
        typeof(Article).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(m => m.Name == nameof(Apply) && m.GetParameters() is [{ ParameterType: var t }] && typeof(IArticleEvent).IsAssignableFrom(t))
            .ToDictionary(m => m.GetParameters()[0].ParameterType,
                m => Compile(m));

    private static Action<Article, IArticleEvent> Compile(System.Reflection.MethodInfo apply)
    {
        var article = System.Linq.Expressions.Expression.Parameter(typeof(Article));
        var e = System.Linq.Expressions.Expression.Parameter(typeof(IArticleEvent));
        var call = System.Linq.Expressions.Expression.Call(article, apply,
            System.Linq.Expressions.Expression.Convert(e, apply.GetParameters()[0].ParameterType));
        return System.Linq.Expressions.Expression.Lambda<Action<Article, IArticleEvent>>(call, article, e).Compile();
    }

    /// <summary>The event types this aggregate reacts to: <see cref="Create"/> plus one Apply each.</summary>
    public static IReadOnlyCollection<Type> FoldedEventTypes => [typeof(ArticleCreated), .. Appliers.Keys];

    /// <summary>
    /// Folds one event into the state, the way Marten does when it projects the stream. Used by deciders'
    /// callers that need the state after a decision without a database (unit tests, demo data).
    /// </summary>
    public static Article Fold(Article? state, IArticleEvent @event)
    {
        Article article;
        if (@event is ArticleCreated created)
        {
            if (state is not null) throw new InvalidOperationException("An article is created once: ArticleCreated on an existing stream.");
            article = Create(created);
        }
        else
        {
            if (state is null) throw new InvalidOperationException($"{@event.GetType().Name} before ArticleCreated.");
            if (!Appliers.TryGetValue(@event.GetType(), out var apply)) throw ArticleEvents.Unknown(@event);
            apply(state, @event);
            article = state;
        }
        article.Version = (state?.Version ?? 0) + 1;
        return article;
    }

    /// <summary>Folds several events in order; <paramref name="state"/> is changed, so pass a copy when the original must stay.</summary>
    public static Article FoldAll(Article? state, IEnumerable<IArticleEvent> events)
    {
        foreach (var e in events) state = Fold(state, e);
        return state ?? throw new InvalidOperationException("No events to fold.");
    }

    /// <summary>
    /// A copy to fold without touching an instance Marten may still hold. Records inside are immutable, so
    /// only the lists folding appends to need copies of their own.
    /// </summary>
    public static Article Copy(Article article)
    {
        var copy = (Article)article.MemberwiseClone();
        copy.Contributors = [.. article.Contributors];
        copy.Corrections = [.. article.Corrections];
        return copy;
    }
}
