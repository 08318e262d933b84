using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Spiking;

/// <summary>Spiking kills a story before publication; it stays in the record, frozen, until restored.</summary>
public sealed record SpikeArticle(int? Version, string? Reason = null)
{
    public sealed class Validator : AbstractValidator<SpikeArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Reason).MaximumLength(2000);
        }
    }
}

public static class SpikeArticleEndpoint
{
    [WolverinePost("/api/articles/{id}/spike", Name = "SpikeArticle")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Spiking")]
    public static Task<ArticleCommandResult> Post(Guid id, SpikeArticle command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.OwnDesk,
            (article, user, now) => Decide(command, article, user, now));

    public static Decision Decide(SpikeArticle command, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequirePrePublication(article, "spike") is { } wrongStatus)
            return wrongStatus;

        return Decision.Accept(new ArticleSpiked(article.Id, article.Status, command.Reason, user.AsActor, now));
    }
}
