using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;

namespace Newsroom.Public;

public static class PublicCaching
{
    /// <summary>Browsers keep a public answer 30 s; CDNs longer, since publication, correction and withdrawal tell them to purge.</summary>
    public static readonly string CacheControl = $"public, max-age=30, s-maxage={SurrogateKeys.SharedMaxAgeSeconds}";

    /// <summary>Sets the public version as ETag, the cache lifetimes and the article's surrogate key; a 304 when the client already has it.</summary>
    public static NotModified? NotModified(HttpContext http, PublishedArticle article)
    {
        var etag = $"\"p{article.PublicVersion}\"";
        http.Response.Headers.ETag = etag;
        Cacheable(http, SurrogateKeys.Article(article.Id));
        return ConditionalRequests.ClientHas(http.Request, etag) ? new NotModified(etag) : null;
    }

    public static void Cacheable(HttpContext http, params string[] keys)
    {
        http.Response.Headers.CacheControl = CacheControl;
        SurrogateKeys.Apply(http.Response, keys);
    }
}
