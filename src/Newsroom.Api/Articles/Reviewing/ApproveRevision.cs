using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reviewing;

/// <summary>The reviewer approves the exact revision they read.</summary>
public sealed record ApproveRevision(int? Version, int? Revision, string? Note = null)
{
    public sealed class Validator : AbstractValidator<ApproveRevision>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Revision).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(x => x.Note).MaximumLength(2000);
        }
    }
}

public static class ApproveRevisionEndpoint
{
    [WolverinePost("/api/articles/{id}/approve", Name = "ApproveRevision")]
    [Authorize(Roles = Roles.Reviewers)]
    [Tags("Reviewing")]
    public static Task<ArticleCommandResult> Post(Guid id, ApproveRevision command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.OwnDesk,
            (article, user, now) => Decide(command, article, user, now));

    /// <summary>Rule 5 (four eyes) and rule 6 (approval binds to the current revision).</summary>
    public static Decision Decide(ApproveRevision command, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "approve", ArticleStatus.InReview) is { } wrongStatus)
            return wrongStatus;
        if (article.Contributors.Contains(user.Id))
            return new Problem(403, ErrorCodes.FourEyes,
                "You created or revised this article, so someone else must approve it.");
        if (command.Revision != article.Revision)
            return new Problem(409, ErrorCodes.RevisionMismatch,
                $"You approved revision {command.Revision}, but the article is at revision {article.Revision}: read the current text first.");

        return Decision.Accept(new RevisionApproved(article.Id, article.Revision, command.Note, user.AsActor, now));
    }
}
