using Marten;

namespace Newsroom.Public;

/// <summary>
/// Public article pages are what readers hit hardest, so each node keeps the pages it rendered in memory
/// (ASP.NET Core output caching) and answers repeats without a database round trip.
/// </summary>
/// <remarks>
/// Only 200 answers are kept, so a page that is not published yet (404) becomes visible as soon as the public
/// projection has it: publication lag is unchanged. When the projection changes a page, every node drops its
/// copy within milliseconds (<see cref="PublicPageInvalidation"/>: the projecting node evicts and sends a
/// PostgreSQL NOTIFY that all nodes listen to). A node that is not listening caches nothing, and
/// <see cref="Lifetime"/> (30 s, what browsers and CDNs are already allowed by Cache-Control) bounds
/// anything that slips through. Requests carrying credentials are never served from or stored in the cache.
/// ADR 0020 has the reasoning.
/// </remarks>
public static class PublicPageCache
{
    public const string Policy = "public-pages";
    public const string AllPagesTag = "public-pages";
    /// <summary>The reader's lists, search results and sitemaps: any change of any article may change them.</summary>
    public const string ListsTag = "public-lists";
    public static string TagFor(string slug) => "public-page:" + slug;

    /// <summary>How long a node may reuse a rendered page (<c>Newsroom__PublicPageCacheMilliseconds</c>, 0 turns it off).</summary>
    public static TimeSpan Lifetime(IConfiguration configuration) =>
        TimeSpan.FromMilliseconds(configuration.GetValue("Newsroom:PublicPageCacheMilliseconds", 30_000));

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var lifetime = Lifetime(configuration);
        services.AddOutputCache(options =>
        {
            // A bound on memory: a page is a few kilobytes, so this holds thousands.
            options.SizeLimit = 16 * 1024 * 1024;
            options.AddPolicy(Policy, new PublicPagePolicy(lifetime));
        });
        services.AddSingleton<PublicPageInvalidation>();
        services.AddHostedService(provider => provider.GetRequiredService<PublicPageInvalidation>());
        services.ConfigureMarten((provider, options) =>
            options.Projections.AsyncListeners.Add(new PublicPageEviction(provider.GetRequiredService<PublicPageInvalidation>())));
        return services;
    }
}
