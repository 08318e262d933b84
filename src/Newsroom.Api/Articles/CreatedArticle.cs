using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Newsroom.Infrastructure.Http.Answers;

namespace Newsroom.Articles;

/// <summary>201 with the new article, where it lives and its version; a replayed idempotent create says so.</summary>
public sealed class CreatedArticle(Article article, bool replayed = false)
    : IResult, IStatusCodeHttpResult, IValueHttpResult<ArticleResponse>, IValueHttpResult, IEndpointMetadataProvider
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public Article Article { get; } = article;
    public ArticleResponse Value { get; } = ArticleResponse.From(article);
    object IValueHttpResult.Value => Value;
    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status201Created;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ArticleHttp.ETag(Article.Version);
        if (replayed) httpContext.Response.Headers[ReplayedHeader] = "true";
        return TypedResults.Created($"/api/articles/{Article.Id}", Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(ArticleResponse), ["application/json"]));
        builder.Metadata.Add(new ResponseHeader(StatusCodes.Status201Created, "Location", "The new article's URL, /api/articles/{id}."));
        builder.Metadata.Add(new ResponseHeader(StatusCodes.Status201Created, "ETag", ResponseHeader.ETagDescription, Example: "\"1\""));
        builder.Metadata.Add(new RequestHeader(Drafting.IdempotencyRecord.Header,
            "Your key for this creation (up to 200 characters): a retry with the same key answers the article the first request created."));
        builder.Metadata.Add(new ResponseHeader(StatusCodes.Status201Created, ReplayedHeader,
            "\"true\" when an Idempotency-Key was seen before: the article that request created, nothing new."));
    }
}
