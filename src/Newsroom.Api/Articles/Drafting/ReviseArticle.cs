using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Drafting;

/// <summary>PATCH: a new revision of the content (see <see cref="ContentPatch"/> for the partial-update rules).</summary>
public sealed class ReviseArticle : ContentPatch
{
    public sealed class Validator : ContentPatchValidator<ReviseArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        }
    }
}

public static class ReviseArticleEndpoint
{
    [WolverinePatch("/api/articles/{id}", Name = "ReviseArticle")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Drafting")]
    public static Task<ArticleCommandResult> Patch(Guid id, ReviseArticle command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.OwnDesk,
            (article, user, now) => Decide(command.ToChanges(), article, user, now));

    /// <summary>
    /// Rules 3 and 6: editors revise pre-publication articles of their desks; a change after approval voids
    /// the approval (back to draft). Published articles change only through corrections.
    /// </summary>
    public static Decision Decide(ContentChanges requested, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequirePrePublication(article, "revise") is { } wrongStatus)
            return wrongStatus;

        var changes = requested.OnlyDifferencesFrom(article.Content);
        if (changes.IsEmpty)
            return Problem.Validation("fields", "The request changes nothing: send at least one field with a new value.");
        if (changes.Desk is { } newDesk && !user.WorksOn(newDesk))
            return Problem.Forbidden($"You cannot move an article to the '{newDesk}' desk: you do not work on it.");
        if (changes.Headline is "")
            return Problem.Validation("headline", "The headline cannot be blank.");

        var revision = article.Revision + 1;
        var revised = new ArticleRevised(article.Id, revision, changes, user.AsActor, now);
        return article.Status is ArticleStatus.Approved or ArticleStatus.Scheduled
            ? Decision.Accept(revised, new ApprovalVoided(article.Id, article.ApprovedRevision ?? article.Revision, revision, user.AsActor, now))
            : Decision.Accept(revised);
    }
}
