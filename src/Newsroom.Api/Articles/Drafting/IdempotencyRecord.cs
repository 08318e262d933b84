using Marten;

namespace Newsroom.Articles.Drafting;

/// <summary>
/// Remembers which article a client's <c>Idempotency-Key</c> created, so a create retried after a lost
/// answer returns the same article instead of a duplicate draft. Keys are per user; the record is written
/// in the same transaction as the new stream, so a key can never point to an article that was not created.
/// </summary>
public sealed class IdempotencyRecord
{
    public string Id { get; set; } = "";
    public Guid ArticleId { get; set; }
    public DateTimeOffset At { get; set; }

    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static string IdFor(string userId, string key) => $"{userId}\n{key}";

    /// <summary>The article an earlier request with this key created, if any.</summary>
    public static async Task<Article?> CreatedEarlierAsync(IQuerySession session, string recordId, CancellationToken ct)
    {
        var record = await session.LoadAsync<IdempotencyRecord>(recordId, ct);
        return record is null ? null : await session.LoadAsync<Article>(record.ArticleId, ct);
    }
}
