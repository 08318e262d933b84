using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Newsroom.Public.Feeds;

/// <summary>200 with an RSS or Atom document, cacheable by browsers and CDNs (purged by the surrogate key <c>feeds</c>).</summary>
public sealed class FeedDocument(string xml, string contentType) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;
    public string ContentType => contentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        PublicCaching.Cacheable(httpContext, SurrogateKeys.Feeds);
        return TypedResults.Text(xml, contentType).ExecuteAsync(httpContext);
    }

    /// <summary>The media type is the endpoint's own <c>[Produces]</c> (RSS or Atom).</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        var mediaTypes = method.GetCustomAttribute<Microsoft.AspNetCore.Mvc.ProducesAttribute>()?.ContentTypes.ToArray() ?? ["application/xml"];
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), mediaTypes));
    }
}
