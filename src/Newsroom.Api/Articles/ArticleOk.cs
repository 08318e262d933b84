using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Newsroom.Infrastructure.Http.Answers;

namespace Newsroom.Articles;

/// <summary>200 with the article and its version as the ETag: what every command and the article read answer.</summary>
public sealed class ArticleOk
    : IResult, IStatusCodeHttpResult, IValueHttpResult<ArticleResponse>, IValueHttpResult, IEndpointMetadataProvider
{
    private readonly int _version;
    private readonly ArticleResponse? _value;
    private readonly byte[]? _json;

    public ArticleOk(Article article) => (_version, _value) = (article.Version, ArticleResponse.From(article));

    /// <summary>The same answer from JSON already written with the API's options (<see cref="Reading.ArticleCache"/>).</summary>
    public ArticleOk(Reading.ArticleCache.Entry stored) => (_version, _json) = (stored.Version, stored.Json);

    public ArticleResponse Value => _value ?? System.Text.Json.JsonSerializer.Deserialize<ArticleResponse>(_json, Infrastructure.Http.JsonSetup.Options)!;
    object IValueHttpResult.Value => Value;
    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ArticleHttp.ETag(_version);
        if (_value is not null)
        {
            await TypedResults.Ok(_value).ExecuteAsync(httpContext);
            return;
        }
        // What TypedResults.Ok writes for the same value: status, media type, the bytes.
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = _json!.Length;
        await httpContext.Response.Body.WriteAsync(_json, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ArticleResponse), ["application/json"]));
        builder.Metadata.Add(new ResponseHeader(StatusCodes.Status200OK, "ETag", ResponseHeader.ETagDescription, Example: "\"7\""));
    }
}
