using Marten;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>Someone has an article open for editing, until <see cref="Until"/> unless their page says so again.</summary>
public sealed class EditingPresence
{
    public string Id { get; set; } = "";
    public Guid ArticleId { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTimeOffset Until { get; set; }
}

/// <summary>
/// "Rita is editing": an edit page says every 10 s that it is still open (<c>/desk/presence</c>); a presence
/// lasts 30 s past the last word, so a closed tab fades out on its own. Kept in PostgreSQL, so every node sees it;
/// a presence that starts is announced like a change, so open pages show it at once.
/// </summary>
public static class Presence
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static async Task EditingAsync(IDocumentSession session, DeskChanges changes, Guid articleId, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        var id = $"{articleId}:{user.Id}";
        var existing = await session.LoadAsync<EditingPresence>(id, ct);
        session.Store(new EditingPresence { Id = id, ArticleId = articleId, UserId = user.Id, UserName = user.Name, Until = now + Lifetime });
        await session.SaveChangesAsync(ct);
        if (existing is null || existing.Until < now)
            changes.Announce(session.TenantId, [articleId]);
    }

    public static async Task StoppedEditingAsync(IDocumentSession session, DeskChanges changes, Guid articleId, CurrentUser user, CancellationToken ct)
    {
        session.Delete<EditingPresence>($"{articleId}:{user.Id}");
        await session.SaveChangesAsync(ct);
        changes.Announce(session.TenantId, [articleId]);
    }

    public static async Task<IReadOnlyList<string>> OthersEditingAsync(IQuerySession session, Guid articleId, CurrentUser user, DateTimeOffset now, CancellationToken ct) =>
        (await session.Query<EditingPresence>().Where(p => p.ArticleId == articleId && p.UserId != user.Id && p.Until > now)
            .Select(p => p.UserName).ToListAsync(ct)).Distinct().Order().ToList();

    /// <summary>Who is editing each of these articles now (for board cards).</summary>
    public static async Task<ILookup<Guid, string>> EditingAsync(IQuerySession session, IReadOnlyCollection<Guid> articleIds, DateTimeOffset now, CancellationToken ct) =>
        articleIds.Count == 0 ? Array.Empty<EditingPresence>().ToLookup(p => p.ArticleId, p => p.UserName)
            : (await session.Query<EditingPresence>().Where(p => p.ArticleId.IsOneOf(articleIds.ToArray()) && p.Until > now).ToListAsync(ct))
                .ToLookup(p => p.ArticleId, p => p.UserName);
}
