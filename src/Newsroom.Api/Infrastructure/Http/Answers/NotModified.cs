using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Newsroom.Infrastructure.Http.Answers;

/// <summary>304: the client's copy (If-None-Match) is current; the answer repeats its entity tag and has no body.</summary>
public sealed class NotModified(string etag) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status304NotModified;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = etag;
        httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));
        builder.Metadata.Add(new ResponseHeader(StatusCodes.Status304NotModified, "ETag", "The entity tag the client already holds."));
    }
}
