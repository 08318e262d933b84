using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Spiking;

public sealed record RestoreArticle(int? Version)
{
    public sealed class Validator : AbstractValidator<RestoreArticle>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public static class RestoreArticleEndpoint
{
    [WolverinePost("/api/articles/{id}/restore", Name = "RestoreArticle")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Spiking")]
    public static Task<ArticleCommandResult> Post(Guid id, RestoreArticle command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.OwnDesk,
            (article, user, now) => Decide(article, user, now));

    /// <summary>A restored article is a draft again: any approval it had is gone, review starts over.</summary>
    public static Decision Decide(Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "restore", ArticleStatus.Spiked) is { } wrongStatus)
            return wrongStatus;

        return Decision.Accept(new ArticleRestored(article.Id, user.AsActor, now));
    }
}
