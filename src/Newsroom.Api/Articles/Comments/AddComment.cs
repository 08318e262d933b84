using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Reading;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine;
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

public sealed record CommentResponse(Guid Id, string Text, Actor By, DateTimeOffset At)
{
    public static CommentResponse From(Comment c) => new(c.Id, c.Text, c.By, c.At);
}

public static class AddCommentEndpoint
{
    [WolverinePost("/api/articles/{id}/comments", Name = "AddComment")]
    [Authorize(Roles = Roles.EditorsAndReviewersAndPublishers)]
    [Tags("Comments")]
    [ProducesResponseType<CommentResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Post(Guid id, AddComment command, IDocumentSession session, IMessageBus bus, HttpContext http, TimeProvider clock)
    {
        var commentId = Guid.CreateVersion7();
        var scope = CurrentUser.From(http.User).Has(Roles.Publisher) ? DeskScope.AnyDesk : DeskScope.OwnDesk;
        return ArticleCommands.ExecuteAsync(session, bus, http, clock, id, command.Version, scope,
            (article, user, now) => Task.FromResult(Decide(commentId, command, article, user, now)),
            respond: (context, article) =>
            {
                context.Response.Headers.ETag = ArticleHttp.ETag(article.Version);
                var comment = article.Comments.Single(c => c.Id == commentId);
                return TypedResults.Created($"/api/articles/{id}/comments/{commentId}", CommentResponse.From(comment));
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
    /// <summary>The article's internal notes, oldest first, paged like every list.</summary>
    [WolverineGet("/api/articles/{id}/comments", Name = "ListComments")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("Comments")]
    [ProducesResponseType<Page<CommentResponse>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http,
        [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Count > 0) return Problem.Validation(errors).ToResult(http);

        var article = await VisibleArticle.LoadAsync(session, http, id);
        if (article is null) return Problem.NotFound().ToResult(http);

        var comments = article.Comments
            .Where(c => page.After is not { } after || c.At > after.At || (c.At == after.At && c.Id > after.Id))
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Take(page.Limit + 1)
            .ToList();

        http.Response.Headers.ETag = ArticleHttp.ETag(article.Version);
        return TypedResults.Ok(page.ToPage(comments, c => new Cursor(c.At, c.Id), CommentResponse.From));
    }
}

public static class GetCommentEndpoint
{
    [WolverineGet("/api/articles/{id}/comments/{commentId}", Name = "GetComment")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("Comments")]
    [ProducesResponseType<CommentResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, Guid commentId, IQuerySession session, HttpContext http)
    {
        var article = await VisibleArticle.LoadAsync(session, http, id);
        var comment = article?.Comments.FirstOrDefault(c => c.Id == commentId);
        if (comment is null) return Problem.NotFound("No such comment on this article.").ToResult(http);
        http.Response.Headers.ETag = ArticleHttp.ETag(article!.Version);
        return TypedResults.Ok(CommentResponse.From(comment));
    }
}
