using System.Collections.Concurrent;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Newsroom.Articles.Reading;

/// <summary>
/// Each node's copy of current articles as <c>GET /api/articles/{id}</c> answers them (the JSON bytes, with the
/// version and desk the answer needs), so that reading an article that has not changed needs no round trip to
/// PostgreSQL (ADR 0039).
/// </summary>
/// <remarks>
/// <para>Exact on the node that commits: a commit forgets the articles it changed before its answer is sent
/// (<see cref="Desk.DeskChangeSignal"/>). Other nodes forget them when the commit's notification reaches them
/// (<see cref="Desk.DeskChanges"/>), a few milliseconds later. A node that cannot hear those notifications serves
/// nothing from here and forgets everything, and an entry is never served after <see cref="MaxAge"/>, the bound
/// on what a lost notification could cost.</para>
/// <para>A read that finds no entry takes a slot before it loads and stores what it loaded only if that slot is
/// still the article's: forgetting removes the slot, so a read that began before a commit can never store what it
/// read.</para>
/// </remarks>
public sealed class ArticleCache(IOptions<JsonOptions> json)
{
    /// <summary>About 10 000 articles of a typical size: a desk's working set many times over.</summary>
    public const long Budget = 16 * 1024 * 1024;
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    public sealed record Entry(int Version, string Desk, byte[] Json);

    private sealed class Slot(Entry? entry, long storedAt)
    {
        public Entry? Entry => entry;
        public long StoredAt => storedAt;
        public long Size => entry is null ? 0 : entry.Json.Length + 200;
    }

    private readonly ConcurrentDictionary<(string Tenant, Guid Id), Slot> _slots = new();
    private readonly JsonSerializerOptions _wire = json.Value.SerializerOptions;
    private long _bytes;
    private int _trimming;
    private volatile bool _trusted;

    /// <summary>Whether reads may be answered from here: this node hears every commit's notification.</summary>
    public bool Trusted => _trusted;

    /// <summary>The article now, or null when there is none; from this node's copy when it may be trusted.</summary>
    public async Task<Entry?> CurrentAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var key = (session.TenantId, id);
        Slot? ticket = null;
        if (_trusted)
        {
            ticket = _slots.GetOrAdd(key, static _ => new Slot(null, 0));
            if (ticket.Entry is { } hit && Environment.TickCount64 - ticket.StoredAt < (long)MaxAge.TotalMilliseconds) return hit;
        }

        var stored = false;
        try
        {
            var article = await session.LoadAsync<Article>(id, ct);
            if (article is null) return null;
            var entry = new Entry(article.Version, article.Desk, JsonSerializer.SerializeToUtf8Bytes(ArticleResponse.From(article), _wire));
            if (ticket is not null)
            {
                var filled = new Slot(entry, Environment.TickCount64);
                if (_slots.TryUpdate(key, filled, ticket))
                {
                    stored = true;
                    if (Interlocked.Add(ref _bytes, filled.Size - ticket.Size) > Budget) Trim();
                }
            }
            return entry;
        }
        finally
        {
            // Absent articles, failed reads and stale entries leave no slot behind: ids that were never found cost nothing.
            if (!stored && ticket is not null && _slots.TryRemove(KeyValuePair.Create(key, ticket)))
                Interlocked.Add(ref _bytes, -ticket.Size);
        }
    }

    /// <summary>These articles changed: the next read of each loads it again.</summary>
    public void Forget(string tenant, Guid id)
    {
        if (_slots.TryRemove((tenant, id), out var slot)) Interlocked.Add(ref _bytes, -slot.Size);
    }

    /// <summary>
    /// Whether this node hears every commit's notification. While it does not, nothing is served from here; either
    /// way what is here now is forgotten, since changes may have gone unheard.
    /// </summary>
    public void Listening(bool listening)
    {
        _trusted = listening;
        ForgetAll();
    }

    public void ForgetAll()
    {
        foreach (var key in _slots.Keys) Forget(key.Tenant, key.Id);
    }

    /// <summary>Over budget: forget entries (in the dictionary's own order, which is no order) down to three quarters.</summary>
    private void Trim()
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1) return;
        try
        {
            foreach (var key in _slots.Keys)
            {
                if (Interlocked.Read(ref _bytes) <= Budget * 3 / 4) break;
                Forget(key.Tenant, key.Id);
            }
        }
        finally { Volatile.Write(ref _trimming, 0); }
    }
}
