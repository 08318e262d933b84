using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Comments;

/// <summary>An internal note on an article. It needs no version: a note never overwrites anyone's work.</summary>
public sealed record AddComment(string? Text, int? Version = null)
{
    public sealed class Validator : AbstractValidator<AddComment>
    {
        public Validator()
        {
            RuleFor(x => x.Text).NotEmpty().WithMessage("The comment text is required.")
                .MaximumLength(10_000);
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        }
    }
}

public static class AddCommentEndpoint
{
    [WolverinePost("/api/articles/{id}/comments", Name = "AddComment")]
    [Authorize(Roles = Roles.EditorsAndReviewersAndPublishers)]
    [Tags("Comments")]
    public static Task<Results<CommentCreated, BadRequestProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> Post(
        Guid id, AddComment command, ArticleCommands commands)
    {
        var commentId = Guid.CreateVersion7();
        // Publishers work on every desk; editors and reviewers comment on their own desks' articles.
        var scope = commands.User.Has(Roles.Publisher) ? DeskScope.AnyDesk : DeskScope.OwnDesk;
        CommentAdded? added = null;
        return commands.RunAsync(id, command.Version, scope,
            (article, user, now) =>
            {
                var decision = Decide(commentId, command, article, user, now);
                added = decision.Events.OfType<CommentAdded>().SingleOrDefault();
                return Task.FromResult(decision);
            },
            respond: article => new CommentCreated(article, ArticleComment.From(article.Id, added!)),
            versionRequired: false);
    }

    /// <summary>Rule 11: a spiked article is frozen, notes included.</summary>
    public static Decision Decide(Guid commentId, AddComment command, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (article.Status == ArticleStatus.Spiked)
            return Problem.InvalidTransition("The article is spiked and frozen: restore it before commenting.");
        return Decision.Accept(new CommentAdded(article.Id, commentId, command.Text!.Trim(), user.AsActor, now));
    }
}
