using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Infrastructure.Notifications;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Public;

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
                await Notify.SendAsync(connection, Channel, payload, token);
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
        await cache.EvictByTagAsync(PublicPageCache.ListsTag, token);
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
