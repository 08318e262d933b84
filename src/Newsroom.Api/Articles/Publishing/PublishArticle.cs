using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Publishing;

public sealed record PublishArticle(int? Version)
{
    public sealed class Validator : AbstractValidator<PublishArticle>
    {
        public Validator() => RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public static class PublishArticleEndpoint
{
    [WolverinePost("/api/articles/{id}/publish", Name = "PublishArticle")]
    [Authorize(Roles = Roles.Publishers)]
    [Tags("Publishing")]
    public static Task<ArticleCommandResult> Post(Guid id, PublishArticle command, ArticleCommands commands) =>
        commands.RunAsync(id, command.Version, DeskScope.AnyDesk,
            async (article, user, now) =>
            {
                var slugTaken = await LiveArticles.SlugTakenByAnotherAsync(commands.Session, article, commands.Aborted);
                return Decide(article, slugTaken, user.AsActor, now);
            });

    /// <summary>
    /// Rules 7 and 8: a current approval, a slug no other live article uses, and no active embargo. Takes the
    /// publishing actor, not a request's user, because the scheduler publishes too (as who scheduled it).
    /// </summary>
    public static Decision Decide(Article article, bool slugTakenByAnother, Actor publisher, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "publish", ArticleStatus.Approved, ArticleStatus.Scheduled) is { } wrongStatus)
            return wrongStatus;
        if (ArticleRules.RequireCurrentApproval(article) is { } notApproved)
            return notApproved;
        if (article.Content.EmbargoUntil is { } embargo && now < embargo)
            return new Problem(409, ErrorCodes.EmbargoActive,
                $"The article is embargoed until {Infrastructure.Iso8601.Utc(embargo)}; publish it then, or schedule it.");
        if (ArticleRules.RequireFreeSlug(article, slugTakenByAnother) is { } slugTaken)
            return slugTaken;

        return Decision.Accept(new ArticlePublished(article.Id, article.Revision, article.Slug, publisher, now));
    }
}
