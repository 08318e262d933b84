using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Newsroom.Articles.Reading;

/// <summary>One row of the board query: an article, the stored version of its document, and its place in the order.</summary>
public sealed record BoardKey(Guid Id, long Version, DateTimeOffset At);

/// <summary>
/// Board items as the JSON the API answers, keyed by article and stored version (the snapshot document's
/// <c>mt_version</c>: the article's stream version, new on every command). Boards are read far more often
/// than articles change, so most items of a page are the same bytes as a moment ago: the board then costs a
/// key query instead of reading, deserializing and serializing fifty documents. A changed article has a new version and so a new key:
/// nothing is ever served stale, on any node, and nothing needs evicting (old keys age out).
/// </summary>
public sealed class BoardItemCache(IOptions<JsonOptions> json)
{
    // Bounded by bytes: at ~1 KB an item, some 8 000 items — every desk's first pages many times over.
    private readonly MemoryCache _items = new(new MemoryCacheOptions { SizeLimit = 8 * 1024 * 1024 });
    private readonly JsonSerializerOptions _wire = json.Value.SerializerOptions;

    // Items carry no body; nor the notes a document written before ADR 0042 may still hold.
    private static readonly string MissingSql =
        $"select jsonb_build_object('version', d.mt_version, 'article', d.data #- '{{content,body}}' #- '{{comments}}') " +
        $"from {Infrastructure.Persistence.MartenSetup.Schema}.mt_doc_article as d where d.id = any(?)";

    /// <summary>The items for these keys, in their order; the ones not cached are read in one query.</summary>
    public async Task<IReadOnlyList<byte[]>> ItemsAsync(IQuerySession session, IReadOnlyList<BoardKey> keys, CancellationToken ct)
    {
        var found = new byte[]?[keys.Count];
        var missing = new List<Guid>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (_items.TryGetValue((keys[i].Id, keys[i].Version), out byte[]? item)) found[i] = item;
            else missing.Add(keys[i].Id);
        }

        if (missing.Count > 0)
        {
            // Items leave the body and the comments out, so the database leaves them out of what it sends.
            var fresh = new Dictionary<Guid, byte[]>();
            foreach (var row in await session.QueryAsync<StoredArticle>(MissingSql, ct, missing.ToArray()))
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(ArticleResponse.From(row.Article, includeBody: false), _wire);
                _items.Set((row.Article.Id, row.Version), bytes, new MemoryCacheEntryOptions { Size = bytes.Length });
                fresh[row.Article.Id] = bytes;
            }
            // Written since the key query? Then this page shows the newer item; it is cached under its own version.
            for (var i = 0; i < keys.Count; i++) found[i] ??= fresh.GetValueOrDefault(keys[i].Id);
        }
        return found.OfType<byte[]>().ToList();
    }

    private sealed record StoredArticle(long Version, Article Article);
}
