using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Reading;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Comments;

public static class ListCommentsEndpoint
{
    /// <summary>The article's internal notes, oldest first, paged like every list.</summary>
    [WolverineGet("/api/articles/{id}/comments", Name = "ListComments")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("Comments")]
    public static async Task<Results<Ok<Page<CommentResponse>>, BadRequestProblem, NotFoundProblem>> Get(Guid id, IQuerySession session, HttpContext http,
        [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Count > 0) return new BadRequestProblem(Problem.Validation(errors));

        var article = await VisibleArticle.LoadAsync(session, http, id);
        if (article is null) return new NotFoundProblem(Problem.NotFound());

        var comments = await ArticleComment.Of(session, id, page.After).Take(page.Limit + 1).ToListAsync(http.RequestAborted);

        http.Response.Headers.ETag = ArticleHttp.ETag(article.Version);
        return TypedResults.Ok(page.ToPage(comments, c => new Cursor(c.At, c.Id), CommentResponse.From));
    }
}
