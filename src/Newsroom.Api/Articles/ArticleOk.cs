using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Newsroom.Infrastructure.Http.Answers;

namespace Newsroom.Articles;

/// <summary>200 with the article and its version as the ETag: what every command and the article read answer.</summary>
public sealed class ArticleOk(Article article)
    : IResult, IStatusCodeHttpResult, IValueHttpResult<ArticleResponse>, IValueHttpResult, IEndpointMetadataProvider
{
    public Article Article { get; } = article;
    public ArticleResponse Value { get; } = ArticleResponse.From(article);
    object IValueHttpResult.Value => Value;
    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ArticleHttp.ETag(Article.Version);
        return TypedResults.Ok(Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ArticleResponse), ["application/json"]));
        builder.Metadata.Add(new ResponseHeader(StatusCodes.Status200OK, "ETag", ResponseHeader.ETagDescription, Example: "\"7\""));
    }
}
