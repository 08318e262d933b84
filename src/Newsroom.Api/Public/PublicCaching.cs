using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;

namespace Newsroom.Public;

public static class PublicCaching
{
    /// <summary>Sets the public version as ETag and a short shared cache lifetime; a 304 when the client already has it.</summary>
    public static NotModified? NotModified(HttpContext http, PublishedArticle article)
    {
        var etag = $"\"p{article.PublicVersion}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=30";
        return ConditionalRequests.ClientHas(http.Request, etag) ? new NotModified(etag) : null;
    }
}
