using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.History;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Drafting;

/// <summary>A new revision whose content is revision <c>Revision</c>'s: an edit like any other, so it voids an approval.</summary>
public sealed record RevertArticle(int? Version, int? Revision)
{
    public sealed class Validator : AbstractValidator<RevertArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Revision).NotNull().WithMessage("Say which revision to go back to.").GreaterThanOrEqualTo(1);
        }
    }
}

public static class RevertArticleEndpoint
{
    [WolverinePost("/api/articles/{id}/revert", Name = "RevertArticle")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Drafting")]
    public static Task<ArticleCommandResult> Post(Guid id, RevertArticle command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.OwnDesk,
            async (article, user, now) =>
            {
                var events = await commands.Session.Events.FetchStreamAsync(id, token: commands.Aborted);
                return Decide(command.Revision!.Value, new ArticleStream(article, events).Revisions(), article, user, now);
            });

    /// <summary>Revision n's whole content as a change to the current one; the revise decider says whether it may be made.</summary>
    public static Decision Decide(int revision, IReadOnlyList<RevisionSnapshot> revisions, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (revisions.FirstOrDefault(r => r.Revision == revision) is not { } target)
            return Problem.Validation("revision", $"There is no revision {revision}: the article is at revision {article.Revision}.");
        var c = target.Content;
        var everything = new ContentChanges(c.Headline, c.Standfirst ?? "", c.Body ?? "", c.Desk, c.Byline, c.Tags, c.Category ?? "",
            c.Locations, c.Language, c.Slug, c.EmbargoUntil, ClearEmbargo: c.EmbargoUntil is null, c.Priority);
        return ReviseArticleEndpoint.Decide(everything, article, user, now);
    }
}
