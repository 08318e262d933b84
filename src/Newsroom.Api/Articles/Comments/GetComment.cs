using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Comments;

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
