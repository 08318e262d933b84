using Marten;
using Wolverine;

namespace Newsroom.Articles.Publishing;

/// <summary>The durable, scheduled trigger of one schedule of one article.</summary>
public sealed record PublishScheduledArticle(Guid ArticleId, Guid ScheduleId);

public static class PublishScheduledArticleHandler
{
    /// <summary>
    /// Publishes the article if, and only if, it is still scheduled under this very schedule: an unschedule,
    /// a revision (which voids the approval), a spike or a manual publication since then changed or cleared the
    /// schedule id, and the message then does nothing. The stream's optimistic concurrency means two nodes
    /// firing the same message cannot both publish.
    /// </summary>
    public static async Task Handle(PublishScheduledArticle message, IDocumentSession session, IMessageBus bus,
        TimeProvider clock, ILogger<PublishScheduledArticle> logger, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Article>(message.ArticleId, ct);
        var article = stream.Aggregate;
        if (article is null || article.Status != ArticleStatus.Scheduled || article.ScheduleId != message.ScheduleId)
        {
            logger.LogInformation("Schedule {ScheduleId} of article {ArticleId} is no longer current; nothing to publish",
                message.ScheduleId, message.ArticleId);
            return;
        }

        var slugTaken = await LiveArticles.SlugTakenByAnotherAsync(session, article, ct);
        var decision = Decide(message, article, slugTaken, clock.GetUtcNow());
        stream.AppendMany(decision.Events.Cast<object>().ToArray());
        await Outbox.SendAsync(bus, article, decision);
        if (decision.Events.OfType<ScheduledPublicationFailed>().FirstOrDefault() is { } failed)
            logger.LogWarning("Scheduled publication of article {ArticleId} refused ({Code}): {Detail}; it is back to approved",
                message.ArticleId, failed.Code, failed.Detail);
        // A concurrent change makes this throw; Wolverine retries (the storage-failure policy in NewsroomModule)
        // and the retry decides again on the new state.
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// On time: publish as the publisher who scheduled it (the actor recorded on the schedule, no request
    /// user); if a rule now refuses, record why and fall back to approved.
    /// </summary>
    public static Decision Decide(PublishScheduledArticle message, Article article, bool slugTakenByAnother, DateTimeOffset now)
    {
        var publisher = article.ScheduledBy!;
        var decision = PublishArticleEndpoint.Decide(article, slugTakenByAnother, publisher, now);
        if (decision.Problem is { } refused)
            return Decision.Accept(new ScheduledPublicationFailed(article.Id, message.ScheduleId, refused.Code, refused.Detail, publisher, now));

        var published = (ArticlePublished)decision.Events.Single();
        return Decision.Accept(published with { ScheduleId = message.ScheduleId });
    }
}
