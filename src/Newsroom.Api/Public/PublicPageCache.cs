using Marten;
using Marten.Services;
using Microsoft.AspNetCore.OutputCaching;

namespace Newsroom.Public;

/// <summary>
/// Public article pages are what readers hit hardest, so each node keeps the pages it served a moment ago in
/// memory (ASP.NET Core output caching) and answers repeats without a database round trip.
/// </summary>
/// <remarks>
/// Only 200 answers are kept, so a page that is not published yet (404) becomes visible as soon as the public
/// projection has it: publication lag is unchanged. When the projection changes a page, the node running it
/// evicts that page at once (<see cref="PublicPageEviction"/>); every other node serves it at most
/// <see cref="Lifetime"/> longer, well inside the 30 s that browsers and CDNs are already allowed
/// (Cache-Control). Requests carrying credentials are never served from or stored in the cache.
/// ADR 0020 has the reasoning.
/// </remarks>
public static class PublicPageCache
{
    public const string Policy = "public-pages";
    public const string AllPagesTag = "public-pages";
    public static string TagFor(string slug) => "public-page:" + slug;

    /// <summary>How long a node reuses a rendered page (<c>Newsroom__PublicPageCacheMilliseconds</c>, 0 turns it off).</summary>
    public static TimeSpan Lifetime(IConfiguration configuration) =>
        TimeSpan.FromMilliseconds(configuration.GetValue("Newsroom:PublicPageCacheMilliseconds", 1000));

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var lifetime = Lifetime(configuration);
        services.AddOutputCache(options =>
        {
            // A bound on memory: a page is a few kilobytes, so this holds thousands.
            options.SizeLimit = 16 * 1024 * 1024;
            options.AddPolicy(Policy, new PublicPagePolicy(lifetime));
        });
        services.ConfigureMarten((provider, options) =>
            options.Projections.AsyncListeners.Add(new PublicPageEviction(provider.GetRequiredService<IOutputCacheStore>())));
        return services;
    }
}

/// <summary>Keeps anonymous GET/HEAD answers that are 200 and set no cookie, tagged with the page's slug.</summary>
public sealed class PublicPagePolicy(TimeSpan lifetime) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = lifetime > TimeSpan.Zero && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.VaryByHost = true;
        context.Tags.Add(PublicPageCache.AllPagesTag);
        if (request.RouteValues["slug"] is string slug) context.Tags.Add(PublicPageCache.TagFor(slug));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie"))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>After the daemon commits changes to public pages, drops this node's cached copies of them.</summary>
public sealed class PublicPageEviction(IOutputCacheStore cache) : IChangeListener
{
    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

    public async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var page in commit.Updated.Concat(commit.Inserted).OfType<PublishedArticle>())
        {
            if (page.EverPublished) await cache.EvictByTagAsync(PublicPageCache.TagFor(page.Slug), token);
        }
    }
}
