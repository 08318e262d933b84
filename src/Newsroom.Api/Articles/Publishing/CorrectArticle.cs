using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Publishing;

/// <summary>
/// A correction to a published article: a required public note plus the changed content fields (the same
/// partial-update rules as PATCH). The article stays published; the note is listed on the public page.
/// </summary>
public sealed class CorrectArticle : ContentPatch
{
    public string? Note { get; init; }

    public sealed class Validator : ContentPatchValidator<CorrectArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Note).Must(n => !string.IsNullOrWhiteSpace(n))
                .WithMessage("A correction needs a public note saying what was corrected.").MaximumLength(2000);
        }
    }
}

public static class CorrectArticleEndpoint
{
    [WolverinePost("/api/articles/{id}/corrections", Name = "CorrectArticle")]
    [Authorize(Roles = Roles.Publishers)]
    [Tags("Publishing")]
    public static Task<ArticleCommandResult> Post(Guid id, CorrectArticle command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.AnyDesk,
            (article, user, now) => Decide(command.ToChanges(), command.Note!, article, user, now));

    /// <summary>Rule 9: after publication, content changes are corrections with a public note; the slug, the public URL, stays.</summary>
    public static Decision Decide(ContentChanges requested, string note, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "correct", ArticleStatus.Published) is { } wrongStatus)
            return wrongStatus;

        var changes = requested.OnlyDifferencesFrom(article.Content);
        if (changes.IsEmpty)
            return Problem.Validation("fields", "A correction changes at least one content field.");
        if (changes.Slug is not null)
            return Problem.Validation("slug", "The slug is the public URL; it cannot change after publication.");
        if (changes.Headline is "")
            return Problem.Validation("headline", "The headline cannot be blank.");

        return Decision.Accept(new ArticleCorrected(article.Id, article.Revision + 1, changes, note.Trim(), user.AsActor, now));
    }
}
