using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reviewing;

/// <summary>Names the reviewer (a user id) expected to take the article. Assignment guides the queue; it does not lock others out.</summary>
public sealed record AssignReviewer(int? Version, string? Reviewer)
{
    public sealed class Validator : AbstractValidator<AssignReviewer>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Reviewer).NotEmpty().MaximumLength(200);
        }
    }
}

public static class AssignReviewerEndpoint
{
    [WolverinePost("/api/articles/{id}/assign", Name = "AssignReviewer")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Reviewing")]
    public static Task<ArticleCommandResult> Post(Guid id, AssignReviewer command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.OwnDesk,
            (article, user, now) => Decide(command, article, user, now));

    public static Decision Decide(AssignReviewer command, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "assign a reviewer to", ArticleStatus.Draft, ArticleStatus.InReview,
                ArticleStatus.ChangesRequested) is { } wrongStatus)
            return wrongStatus;

        return Decision.Accept(new ReviewerAssigned(article.Id, command.Reviewer!.Trim(), user.AsActor, now));
    }
}
