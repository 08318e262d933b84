using System.Threading.Channels;
using Marten;
using Marten.Services;
using Npgsql;
using Newsroom.Infrastructure.Notifications;
using Newsroom.Articles.Reading;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Desk;

/// <summary>
/// Live desks on every node: after a commit with article events, the committing node NOTIFYs the ids of the
/// articles that changed on <c>newsroom_desk</c>; every node LISTENs and passes them to the desk pages open on
/// it (server-sent events, <c>/desk/live</c>), which then fetch their own fresh markup. With several publications
/// (ADR 0033) each id travels with its publication and a page hears only its own publication's ids.
/// The same ids keep every node's <see cref="ArticleCache"/> true (ADR 0039).
/// </summary>
public sealed class DeskChanges(MartenSetup.ListenDataSource listen, ArticleCache articles, ILogger<DeskChanges> logger) : BackgroundService
{
    public const string Channel = "newsroom_desk";
    public const string ApplicationName = "newsroom-desk-live";

    private readonly Lock _gate = new();
    private readonly List<(string Publication, Channel<string> Channel)> _subscribers = [];

    /// <summary>
    /// A page's feed of the article ids that changed in its publication (one payload: ids separated by newlines;
    /// "*" for anything); dispose to leave. <paramref name="publication"/> is Marten's tenant id of the page's session.
    /// </summary>
    public Subscription Subscribe(string publication)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<string>(new BoundedChannelOptions(64)
            { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var subscriber = (publication, channel);
        lock (_gate) _subscribers.Add(subscriber);
        return new Subscription(channel.Reader, () => { lock (_gate) _subscribers.Remove(subscriber); });
    }

    public sealed class Subscription(ChannelReader<string> reader, Action leave) : IDisposable
    {
        public ChannelReader<string> Reader => reader;
        public void Dispose() => leave();
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Publication, Guid Id)> _pending = new();
    private int _requests;

    /// <summary>
    /// Tells every node (this one included, through PostgreSQL) which articles changed. Never waits: the ids
    /// are queued, and one sender at a time sends all that queued up, so a busy node sends a few
    /// notifications a second rather than one per command.
    /// </summary>
    public void Announce(string publication, IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
        {
            articles.Forget(publication, id);
            _pending.Enqueue((publication, id));
        }
        if (Interlocked.Increment(ref _requests) == 1) _ = SendAsync();
    }

    private async Task SendAsync()
    {
        int handled;
        do
        {
            handled = Volatile.Read(ref _requests);
            var ids = new HashSet<(string Publication, Guid Id)>();
            while (_pending.TryDequeue(out var id)) ids.Add(id);
            if (ids.Count == 0) continue;
            try
            {
                await using var connection = await listen.DataSource.OpenConnectionAsync();
                // One line per id, "<publication> <id>" (the id alone for the single publication): at most 101 bytes,
                // so 75 lines per notification stay under PostgreSQL's 8 000 bytes.
                foreach (var chunk in ids.Chunk(75))
                {
                    await Notify.SendAsync(connection, Channel, string.Join('\n', chunk.Select(Line)));
                }
            }
            catch (Exception e)
            {
                // Open pages miss one live update (they are still right when reloaded); other nodes' article caches
                // may keep these articles until their entries age out (ArticleCache.MaxAge).
                logger.LogWarning(e, "Could not tell the open desks and the other nodes that {Count} articles changed", ids.Count);
            }
        } while (Interlocked.Add(ref _requests, -handled) > 0);
    }

    private static string Line((string Publication, Guid Id) change) =>
        change.Publication == JasperFx.StorageConstants.DefaultTenantId ? change.Id.ToString() : $"{change.Publication} {change.Id}";

    /// <summary>Passes each page the ids of its own publication ("*" to every page); this node's article cache forgets them.</summary>
    private void Publish(string payload)
    {
        var changes = payload == "*" ? null : payload.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2) is [var publication, var id] ? (publication, id) : (JasperFx.StorageConstants.DefaultTenantId, line))
            .ToLookup(c => c.Item1, c => c.Item2);
        // "*" comes only after a deaf spell, and ArticleCache.Listening has forgotten everything then.
        foreach (var group in changes ?? Enumerable.Empty<IGrouping<string, string>>())
        foreach (var id in group)
            if (Guid.TryParse(id, out var article)) articles.Forget(group.Key, article);
        lock (_gate)
            foreach (var (publication, channel) in _subscribers)
            {
                if (changes is null) channel.Writer.TryWrite("*");
                else if (changes[publication].ToList() is { Count: > 0 } ids) channel.Writer.TryWrite(string.Join('\n', ids));
            }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ChannelListener.RunAsync(listen.DataSource, Channel, ApplicationName, Publish,
            // After a deaf spell every open page refreshes: "*" stands for "anything may have changed".
            listening =>
            {
                articles.Listening(listening);
                if (listening) Publish("*");
                return Task.CompletedTask;
            },
            e => logger.LogWarning(e, "Lost the desk's live channel; open desks will not update by themselves until it is back"),
            stoppingToken);
}

/// <summary>After a commit that appended article events, announces which articles changed.</summary>
public sealed class DeskChangeSignal(DeskChanges changes) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var events = commit.GetEvents().ToList();
        if (events.Count > 0) changes.Announce(session.TenantId, events.Select(e => e.StreamId));
        return Task.CompletedTask;
    }
}
