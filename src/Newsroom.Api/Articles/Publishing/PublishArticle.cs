using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine;
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
    [ProducesResponseType<ArticleResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, PublishArticle command, IDocumentSession session, IMessageBus bus, HttpContext http, TimeProvider clock) =>
        ArticleCommands.ExecuteAsync(session, bus, http, clock, id, command.Version, DeskScope.AnyDesk,
            async (article, user, now) =>
            {
                var slugTaken = await LiveArticles.SlugTakenByAnotherAsync(session, article, http.RequestAborted);
                return Decide(article, slugTaken, user, now);
            });

    /// <summary>Rules 7 and 8: a current approval, a slug no other live article uses, and no active embargo.</summary>
    public static Decision Decide(Article article, bool slugTakenByAnother, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "publish", ArticleStatus.Approved, ArticleStatus.Scheduled) is { } wrongStatus)
            return wrongStatus;
        if (article.ApprovedRevision != article.Revision)
            return Problem.InvalidTransition("The approval does not cover the current revision; it must be approved again.");
        if (article.Content.EmbargoUntil is { } embargo && now < embargo)
            return new Problem(409, ErrorCodes.EmbargoActive,
                $"The article is embargoed until {Infrastructure.Iso8601.Utc(embargo)}; publish it then, or schedule it.");
        if (slugTakenByAnother)
            return new Problem(409, ErrorCodes.SlugTaken,
                $"Another live (published or withdrawn) article already uses the slug '{article.Slug}'; change the slug first.");

        return Decision.Accept(new ArticlePublished(article.Id, article.Revision, article.Slug, user.AsActor, now));
    }
}

public static class LiveArticles
{
    /// <summary>
    /// Live = published or withdrawn: the slug is (or was) its public URL, and a withdrawn article's URL goes
    /// on answering 410 rather than showing another story (ADR 0011).
    /// </summary>
    public static Task<bool> SlugTakenByAnotherAsync(IQuerySession session, Article article, CancellationToken ct) =>
        session.Query<Article>().AnyAsync(a => a.LiveSlug == article.Slug && a.Id != article.Id, ct);
}
