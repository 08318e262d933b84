using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Newsroom.Infrastructure.Http.Answers;

namespace Newsroom.Articles.Comments;

/// <summary>201 with the new note, where it lives, and the article's version after it.</summary>
public sealed class CommentCreated(Article article, ArticleComment comment)
    : IResult, IStatusCodeHttpResult, IValueHttpResult<CommentResponse>, IValueHttpResult, IEndpointMetadataProvider
{
    public CommentResponse Value { get; } = CommentResponse.From(comment);
    object IValueHttpResult.Value => Value;
    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status201Created;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ArticleHttp.ETag(article.Version);
        return TypedResults.Created($"/api/articles/{article.Id}/comments/{comment.Id}", Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(CommentResponse), ["application/json"]));
        builder.Metadata.Add(new ResponseHeader(StatusCodes.Status201Created, "Location", "The note's URL, /api/articles/{id}/comments/{commentId}."));
        builder.Metadata.Add(new ResponseHeader(StatusCodes.Status201Created, "ETag", ResponseHeader.ETagDescription, Example: "\"8\""));
    }
}
