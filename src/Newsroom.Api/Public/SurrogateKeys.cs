namespace Newsroom.Public;

/// <summary>
/// Names for groups of cached public answers, so a CDN can purge exactly what a change affects. Every public
/// answer carries its keys in <c>Surrogate-Key</c> (space-separated: Fastly, Varnish xkey, Akamai) and
/// <c>Cache-Tag</c> (comma-separated: Cloudflare); publication, correction and withdrawal name the keys to purge in
/// their webhook event (<c>purgeKeys</c>).
/// </summary>
public static class SurrogateKeys
{
    public const string Header = "Surrogate-Key";
    public const string CloudflareHeader = "Cache-Tag";

    /// <summary>Lists and search results (/public/articles).</summary>
    public const string Lists = "articles";

    /// <summary>The RSS and Atom feeds.</summary>
    public const string Feeds = "feeds";

    /// <summary>One article's page and its ninjs, whatever happens to it.</summary>
    public static string Article(Guid id) => $"article-{id:N}";

    /// <summary>What a publication, correction or withdrawal of the article changes.</summary>
    public static IReadOnlyList<string> ChangedBy(Guid articleId) => [Article(articleId), Lists, Feeds];

    /// <summary>How long shared caches (CDNs) may keep a public answer: they are told when to purge it.</summary>
    public const int SharedMaxAgeSeconds = 300;

    public static void Apply(HttpResponse response, params string[] keys)
    {
        response.Headers[Header] = string.Join(' ', keys);
        response.Headers[CloudflareHeader] = string.Join(',', keys);
    }
}
