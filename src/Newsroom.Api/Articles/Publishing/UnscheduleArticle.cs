using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Publishing;

public sealed record UnscheduleArticle(int? Version)
{
    public sealed class Validator : AbstractValidator<UnscheduleArticle>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public static class UnscheduleArticleEndpoint
{
    [WolverinePost("/api/articles/{id}/unschedule", Name = "UnscheduleArticle")]
    [Authorize(Roles = Roles.Publishers)]
    [Tags("Publishing")]
    public static Task<ArticleCommandResult> Post(Guid id, UnscheduleArticle command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.AnyDesk,
            (article, user, now) => Decide(article, user, now));

    /// <summary>
    /// Back to approved. The scheduled message stays in the store but finds a different (or no) schedule id
    /// when it fires, and does nothing.
    /// </summary>
    public static Decision Decide(Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "unschedule", ArticleStatus.Scheduled) is { } wrongStatus)
            return wrongStatus;
        return Decision.Accept(new ArticleUnscheduled(article.Id, article.ScheduleId!.Value, user.AsActor, now));
    }
}
