using Microsoft.AspNetCore.OutputCaching;

namespace Newsroom.Public;

/// <summary>
/// Keeps anonymous GET/HEAD answers that are 200 and set no cookie, tagged with the page's slug (lists and sitemaps:
/// with the lists tag, dropped at every change) — unless a
/// page was evicted while this one was being made (it may have been read before the change it would hide).
/// </summary>
public sealed class PublicPagePolicy(TimeSpan lifetime) : IOutputCachePolicy
{
    private static readonly object GenerationKey = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var invalidation = context.HttpContext.RequestServices.GetRequiredService<PublicPageInvalidation>();
        var cacheable = lifetime > TimeSpan.Zero && invalidation.Listening
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.VaryByHost = true;
        // Reader pages differ by query (search, paging); the article URL by representation: JSON and HTML never mix.
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["representation"] = Reader.HtmlNegotiation.Representation(request);
        context.Tags.Add(PublicPageCache.AllPagesTag);
        if (request.RouteValues["slug"] is string slug)
        {
            context.Tags.Add(PublicPageCache.TagFor(slug));
            // The article URL answers JSON or HTML by Accept: shared caches must key on it too.
            context.HttpContext.Response.Headers.Vary = "Accept";
        }
        else context.Tags.Add(PublicPageCache.ListsTag);
        context.HttpContext.Items[GenerationKey] = invalidation.Generation;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var invalidation = context.HttpContext.RequestServices.GetRequiredService<PublicPageInvalidation>();
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie")
            || context.HttpContext.Items[GenerationKey] is not long generation || generation != invalidation.Generation)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
