using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Comments;

public static class GetCommentEndpoint
{
    [WolverineGet("/api/articles/{id}/comments/{commentId}", Name = "GetComment")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("Comments")]
    public static async Task<Results<Ok<CommentResponse>, NotFoundProblem>> Get(Guid id, Guid commentId, IQuerySession session, HttpContext http)
    {
        var article = await VisibleArticle.LoadAsync(session, http, id);
        var comment = article is null ? null : await session.LoadAsync<ArticleComment>(commentId, http.RequestAborted);
        if (comment is null || comment.ArticleId != id) return new NotFoundProblem(Problem.NotFound("No such comment on this article."));
        http.Response.Headers.ETag = ArticleHttp.ETag(article!.Version);
        return TypedResults.Ok(CommentResponse.From(comment));
    }
}
