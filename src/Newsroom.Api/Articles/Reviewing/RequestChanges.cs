using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reviewing;

public sealed record RequestChanges(int? Version, string? Comments)
{
    public sealed class Validator : AbstractValidator<RequestChanges>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Comments).Must(c => !string.IsNullOrWhiteSpace(c))
                .WithMessage("Say what needs to change.").MaximumLength(10_000);
        }
    }
}

public static class RequestChangesEndpoint
{
    [WolverinePost("/api/articles/{id}/request-changes", Name = "RequestChanges")]
    [Authorize(Roles = Roles.Reviewers)]
    [Tags("Reviewing")]
    public static Task<ArticleCommandResult> Post(Guid id, RequestChanges command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.OwnDesk,
            (article, user, now) => Decide(command, article, user, now));

    public static Decision Decide(RequestChanges command, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "request changes on", ArticleStatus.InReview) is { } wrongStatus)
            return wrongStatus;

        return Decision.Accept(new ChangesRequested(article.Id, article.Revision, command.Comments!.Trim(), user.AsActor, now));
    }
}
