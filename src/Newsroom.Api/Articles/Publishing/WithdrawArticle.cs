using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Publishing;

public sealed record WithdrawArticle(int? Version, string? Reason)
{
    public sealed class Validator : AbstractValidator<WithdrawArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r))
                .WithMessage("Withdrawing needs a reason.").MaximumLength(2000);
        }
    }
}

public static class WithdrawArticleEndpoint
{
    [WolverinePost("/api/articles/{id}/withdraw", Name = "WithdrawArticle")]
    [Authorize(Roles = Roles.Publishers)]
    [Tags("Publishing")]
    public static Task<ArticleCommandResult> Post(Guid id, WithdrawArticle command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.AnyDesk,
            (article, user, now) => Decide(command, article, user, now));

    /// <summary>Rule 10: withdrawal needs a reason; the public URL then answers 410 Gone.</summary>
    public static Decision Decide(WithdrawArticle command, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "withdraw", ArticleStatus.Published) is { } wrongStatus)
            return wrongStatus;
        return Decision.Accept(new ArticleWithdrawn(article.Id, command.Reason!.Trim(), user.AsActor, now));
    }
}
