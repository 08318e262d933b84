using Marten;
using Newsroom.Articles;
using Newsroom.Audit;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>When a person last read their inbox: what came after is unread.</summary>
public sealed class InboxReadMark
{
    public string Id { get; set; } = "";
    public DateTimeOffset ReadUpTo { get; set; }
}

/// <summary>
/// What concerns one person, read from what already exists (the audit log, the articles and their notes), so there is no
/// inbox to keep in step: reviews requested on the desks they review, reviewers assigned to them, and for
/// articles they wrote or revised: changes requested, approvals, publications (also scheduled ones) and
/// refused scheduled publications; and comments that mention them (<c>@id</c>). Their own actions are left out.
/// </summary>
public sealed record Inbox(IReadOnlyList<Inbox.Item> Items, DateTimeOffset ReadUpTo)
{
    public const int Shown = 100;

    public sealed record Item(Guid ArticleId, string Headline, string Kind, string Summary, Actor By, DateTimeOffset At);

    public int Unread => Items.Count(i => i.At > ReadUpTo);

    private static readonly string[] ForContributors =
        ["changes_requested", "revision_approved", "article_published", "scheduled_publication_failed", "article_corrected", "article_withdrawn"];

    public static async Task<Inbox> LoadAsync(IQuerySession session, CurrentUser user, CancellationToken ct)
    {
        var mark = await session.LoadAsync<InboxReadMark>(user.Id, ct);
        var since = DateTimeOffset.UtcNow.AddDays(-30);

        var mine = await session.Query<Article>().Where(a => a.Contributors.Contains(user.Id) && a.UpdatedAt >= since)
            .Select(a => a.Id).ToListAsync(ct);
        var reviewDesks = user.Has(Roles.Reviewer) ? user.Desks.ToArray() : [];
        var onMyDesks = reviewDesks.Length == 0 ? [] : await session.Query<Article>()
            .Where(a => reviewDesks.Contains(a.Desk) && a.UpdatedAt >= since).Select(a => a.Id).ToListAsync(ct);

        var ids = mine.Concat(onMyDesks).Distinct().ToArray();
        var entries = ids.Length == 0 ? [] : await session.Query<AuditEntry>()
            .Where(e => e.ArticleId.IsOneOf(ids) && e.At >= since && e.ActorId != user.Id)
            .OrderByDescending(e => e.Seq).Take(Shown * 2).ToListAsync(ct);
        var mineSet = mine.ToHashSet();
        var relevant = entries.Where(e =>
            (e.Type == "submitted_for_review" && onMyDesks.Contains(e.ArticleId))
            || (e.Type == "reviewer_assigned" && e.Summary.Contains($"assigned {user.Id} as reviewer", StringComparison.Ordinal))
            || (ForContributors.Contains(e.Type) && mineSet.Contains(e.ArticleId))).ToList();

        var mentioned = await MentionsAsync(session, user, since, ct);
        var articleIds = relevant.Select(e => e.ArticleId).Concat(mentioned.Select(m => m.ArticleId)).Distinct().ToArray();
        var headlines = articleIds.Length == 0 ? new Dictionary<Guid, string>() : (await session.LoadManyAsync<Article>(ct, articleIds))
            .Where(a => user.CanSee(a.Desk)).ToDictionary(a => a.Id, a => a.Content.Headline);

        var items = relevant.Where(e => headlines.ContainsKey(e.ArticleId))
            .Select(e => new Item(e.ArticleId, headlines[e.ArticleId], Kind(e.Type), e.Summary, e.Actor, e.At))
            .Concat(mentioned.Where(m => headlines.ContainsKey(m.ArticleId))
                .Select(m => new Item(m.ArticleId, headlines[m.ArticleId], "Mention", $"{m.By.Name}: {m.Text}", m.By, m.At)))
            .OrderByDescending(i => i.At).Take(Shown).ToList();
        return new Inbox(items, mark?.ReadUpTo ?? DateTimeOffset.MinValue);
    }

    /// <summary>Notes written since <paramref name="since"/> that mention the person, by someone else.</summary>
    private static async Task<IReadOnlyList<Articles.Comments.ArticleComment>> MentionsAsync(IQuerySession session, CurrentUser user, DateTimeOffset since, CancellationToken ct)
    {
        var token = "@" + user.Id;
        // Only notes that hold "@id" anywhere are loaded; the exact mention is checked here, and which articles the
        // person may see when the headlines are loaded.
        var candidates = await session.QueryAsync<Articles.Comments.ArticleComment>(
            "where d.at >= ? and d.data ->> 'text' like ?", ct, since, "%" + token.Replace("%", "\\%").Replace("_", "\\_") + "%");
        return candidates.Where(c => c.By.Id != user.Id && Mentions(c.Text, user.Id)).ToList();
    }

    /// <summary>"@rita" as a word of its own: not "@ritamae", not "e-mail@rita".</summary>
    public static bool Mentions(string text, string userId) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"(^|[^\w@])@{System.Text.RegularExpressions.Regex.Escape(userId)}(?![\w-])");

    private static string Kind(string type) => type switch
    {
        "submitted_for_review" => "Review requested",
        "reviewer_assigned" => "Assigned to you",
        "changes_requested" => "Changes requested",
        "revision_approved" => "Approved",
        "article_published" => "Published",
        "scheduled_publication_failed" => "Scheduled publication refused",
        "article_corrected" => "Corrected",
        "article_withdrawn" => "Withdrawn",
        _ => type
    };

    /// <summary>Everything up to now is read.</summary>
    public static async Task MarkReadAsync(IDocumentSession session, CurrentUser user, CancellationToken ct)
    {
        session.Store(new InboxReadMark { Id = user.Id, ReadUpTo = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync(ct);
    }
}
