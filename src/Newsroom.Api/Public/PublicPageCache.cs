using System.Text;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

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

/// <summary>
/// Keeps anonymous GET/HEAD answers that are 200 and set no cookie, tagged with the page's slug — unless a
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
        context.Tags.Add(PublicPageCache.AllPagesTag);
        if (request.RouteValues["slug"] is string slug) context.Tags.Add(PublicPageCache.TagFor(slug));
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

/// <summary>
/// Keeps every node's cached pages in step with the public projection: listens on a PostgreSQL channel for
/// the slugs that changed and evicts them. While it is not listening (starting, or its connection lost) the
/// node caches nothing, and whatever it cached before is dropped, since changes may have been missed.
/// </summary>
public sealed class PublicPageInvalidation(MartenSetup.ListenDataSource listen, IOutputCacheStore cache,
    ILogger<PublicPageInvalidation> logger) : BackgroundService
{
    public const string Channel = "newsroom_public_pages";
    public const string ApplicationName = "newsroom-public-page-invalidation";
    public const int MaxPayloadBytes = 7_000;    // PostgreSQL's limit is 8 000 bytes per notification
    private long _generation;
    private volatile bool _listening;

    /// <summary>Whether this node hears of changes made anywhere, and so may cache.</summary>
    public bool Listening => _listening;

    /// <summary>Moves on at every eviction: a page made across a change is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>On the node that projected the changes: evicts them here and tells every node.</summary>
    public async Task PagesChangedAsync(IReadOnlyCollection<string> slugs, CancellationToken token)
    {
        if (slugs.Count == 0) return;
        await EvictAsync(slugs, token);
        try
        {
            await using var connection = await listen.DataSource.OpenConnectionAsync(token);
            foreach (var payload in Payloads(slugs))
            {
                await using var notify = new NpgsqlCommand("select pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", payload);
                await notify.ExecuteNonQueryAsync(token);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The other nodes keep their copies for at most the cache lifetime; nothing is lost.
            logger.LogWarning(e, "Could not tell the other nodes that {Count} public pages changed", slugs.Count);
        }
    }

    /// <summary>Slugs, one per line, in notifications that fit PostgreSQL's payload limit.</summary>
    public static IEnumerable<string> Payloads(IEnumerable<string> slugs)
    {
        var payload = new StringBuilder();
        var bytes = 0;
        foreach (var slug in slugs)
        {
            var size = Encoding.UTF8.GetByteCount(slug) + 1;
            if (bytes > 0 && bytes + size > MaxPayloadBytes)
            {
                yield return payload.ToString();
                payload.Clear();
                bytes = 0;
            }
            if (bytes > 0) payload.Append('\n');
            payload.Append(slug);
            bytes += size;
        }
        if (bytes > 0) yield return payload.ToString();
    }

    private async Task EvictAsync(IEnumerable<string> slugs, CancellationToken token)
    {
        Interlocked.Increment(ref _generation);
        foreach (var slug in slugs) await cache.EvictByTagAsync(PublicPageCache.TagFor(slug), token);
    }

    private async Task EvictAllAsync()
    {
        Interlocked.Increment(ref _generation);
        await cache.EvictByTagAsync(PublicPageCache.AllPagesTag, CancellationToken.None);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Infrastructure.Notifications.ChannelListener.RunAsync(listen.DataSource, Channel, ApplicationName,
            payload => _ = EvictAsync(payload.Split('\n', StringSplitOptions.RemoveEmptyEntries), CancellationToken.None),
            async listening =>
            {
                // Whatever changed while this node was not listening went unheard: drop every page either way.
                _listening = listening;
                await EvictAllAsync();
            },
            e => logger.LogWarning(e, "Lost the public page invalidation channel; not caching public pages until it is back"),
            stoppingToken);
}

/// <summary>After the daemon commits changes to public pages, has every node drop its cached copies of them.</summary>
public sealed class PublicPageEviction(PublicPageInvalidation invalidation) : IChangeListener
{
    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

    public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) =>
        invalidation.PagesChangedAsync(commit.Updated.Concat(commit.Inserted).OfType<PublishedArticle>()
            .Where(page => page.EverPublished).Select(page => page.Slug).Distinct().ToList(), token);
}
