using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Publishing;

public sealed record ScheduleArticle(int? Version, DateTimeOffset? PublishAt)
{
    public sealed class Validator : AbstractValidator<ScheduleArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
            RuleFor(x => x.PublishAt).NotNull().WithMessage("Say when to publish: publishAt, an ISO 8601 time.");
        }
    }
}

public static class ScheduleArticleEndpoint
{
    /// <summary>
    /// The approved article publishes itself at <c>publishAt</c>. The trigger is a durable Wolverine message
    /// stored in PostgreSQL with the event, so it survives restarts and fires on whichever node is alive.
    /// </summary>
    [WolverinePost("/api/articles/{id}/schedule", Name = "ScheduleArticle")]
    [Authorize(Roles = Roles.Publishers)]
    [Tags("Publishing")]
    public static Task<ArticleCommandResult> Post(Guid id, ScheduleArticle command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.AnyDesk,
            async (article, user, now) =>
            {
                var slugTaken = await LiveArticles.SlugTakenByAnotherAsync(commands.Session, article, commands.Aborted);
                return Decide(command, Guid.CreateVersion7(), article, slugTaken, user, now);
            });

    /// <summary>Rules 7 and 8 at scheduling time: a current approval, a free slug, a time in the future and not before the embargo.</summary>
    public static Decision Decide(ScheduleArticle command, Guid scheduleId, Article article, bool slugTakenByAnother, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "schedule", ArticleStatus.Approved, ArticleStatus.Scheduled) is { } wrongStatus)
            return wrongStatus;
        if (ArticleRules.RequireCurrentApproval(article) is { } notApproved)
            return notApproved;

        var publishAt = command.PublishAt!.Value.ToUniversalTime();
        if (publishAt <= now)
            return Problem.Validation("publishAt", "publishAt must be in the future; to publish now, use publish.");
        if (article.Content.EmbargoUntil is { } embargo && publishAt < embargo)
            return new Problem(409, ErrorCodes.EmbargoActive,
                $"The article is embargoed until {Infrastructure.Iso8601.Utc(embargo)}; schedule it at or after that time.");
        if (ArticleRules.RequireFreeSlug(article, slugTakenByAnother) is { } slugTaken)
            return slugTaken;

        return Decision.Accept(new ArticleScheduled(article.Id, scheduleId, publishAt, user.AsActor, now))
            .With(new OutgoingMessage(new PublishScheduledArticle(article.Id, scheduleId), publishAt));
    }
}
