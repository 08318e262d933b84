using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reviewing;

public sealed record SubmitForReview(int? Version, string? Note = null)
{
    public sealed class Validator : AbstractValidator<SubmitForReview>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Note).MaximumLength(2000);
        }
    }
}

public static class SubmitForReviewEndpoint
{
    [WolverinePost("/api/articles/{id}/submit", Name = "SubmitForReview")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Reviewing")]
    public static Task<ArticleCommandResult> Post(Guid id, SubmitForReview command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.OwnDesk,
            (article, user, now) => Decide(command, article, user, now));

    /// <summary>Rule 4: only a complete draft goes to review (409 <c>incomplete</c>, saying what is missing).</summary>
    public static Decision Decide(SubmitForReview command, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "submit", ArticleStatus.Draft, ArticleStatus.ChangesRequested) is { } wrongStatus)
            return wrongStatus;

        var missing = ArticleRules.MissingForReview(article.Content);
        if (missing.Count > 0)
            return new Problem(409, ErrorCodes.Incomplete,
                "The article is not ready for review: " + string.Join(" ", missing.Values.SelectMany(m => m)), missing);

        return Decision.Accept(new SubmittedForReview(article.Id, article.Revision, command.Note, user.AsActor, now));
    }
}
