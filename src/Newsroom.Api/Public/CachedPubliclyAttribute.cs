using Newsroom.Infrastructure.Http.Answers;

namespace Newsroom.Public;

/// <summary>
/// Marks a public endpoint whose answers browsers and CDNs may keep (<see cref="PublicCaching"/>), so the OpenAPI
/// document lists their cache headers.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CachedPubliclyAttribute(params int[] statuses) : Attribute, IResponseHeaders
{
    public IEnumerable<ResponseHeader> Headers => (statuses.Length > 0 ? statuses : [StatusCodes.Status200OK]).SelectMany(status => new[]
    {
        new ResponseHeader(status, "Cache-Control", $"Browsers keep it 30 s, shared caches {SurrogateKeys.SharedMaxAgeSeconds} s.", Example: PublicCaching.CacheControl),
        new ResponseHeader(status, SurrogateKeys.Header, "Space-separated purge keys: article-<id>, articles, feeds (see the webhook events' purgeKeys).", Example: "articles"),
        new ResponseHeader(status, SurrogateKeys.CloudflareHeader, "The same keys, comma-separated.", Example: "articles")
    });
}
