using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Infrastructure.Http;
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
            RuleFor(x => x.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("The comment text is required.")
                .MaximumLength(10_000);
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        }
    }
}

public sealed record CommentResponse(Guid Id, string Text, Actor By, DateTimeOffset At);

public static class AddCommentEndpoint
{
    [WolverinePost("/api/articles/{id}/comments", Name = "AddComment")]
    [Authorize(Roles = Roles.EditorsAndReviewersAndPublishers)]
    [Tags("Comments")]
    [ProducesResponseType<CommentResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Post(Guid id, AddComment command, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var commentId = Guid.CreateVersion7();
        var scope = CurrentUser.From(http.User).Has(Roles.Publisher) ? DeskScope.AnyDesk : DeskScope.OwnDesk;
        return ArticleCommands.ExecuteAsync(session, http, clock, id, command.Version, scope,
            (article, user, now) => Task.FromResult(Decide(commentId, command, article, user, now)),
            respond: (context, article) =>
            {
                context.Response.Headers.ETag = ArticleHttp.ETag(article.Version);
                var comment = article.Comments.Single(c => c.Id == commentId);
                return TypedResults.Created($"/api/articles/{id}/comments/{commentId}",
                    new CommentResponse(comment.Id, comment.Text, comment.By, comment.At));
            },
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

public static class ListCommentsEndpoint
{
    [WolverineGet("/api/articles/{id}/comments", Name = "ListComments")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("Comments")]
    [ProducesResponseType<Page<CommentResponse>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var user = CurrentUser.From(http.User);
        var article = await session.LoadAsync<Article>(id, http.RequestAborted);
        if (article is null || !user.CanSee(article.Desk)) return Problem.NotFound().ToResult(http);
        http.Response.Headers.ETag = ArticleHttp.ETag(article.Version);
        return TypedResults.Ok(new Page<CommentResponse>(
            article.Comments.Select(c => new CommentResponse(c.Id, c.Text, c.By, c.At)).ToList(), null));
    }
}
