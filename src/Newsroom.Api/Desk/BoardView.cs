using Marten;
using Newsroom.Articles;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>The board as a person sees it: one column per status, with its count and newest cards first.</summary>
public sealed record BoardView(BoardView.Filters Filter, IReadOnlyList<BoardView.Column> Columns, IReadOnlyList<string> Desks)
{
    /// <summary>Who has each card's article open for editing now.</summary>
    public ILookup<Guid, string> Editing { get; init; } = Array.Empty<EditingPresence>().ToLookup(p => p.ArticleId, p => p.UserName);

    public const int CardsPerColumn = 50;

    /// <summary>How many articles (the most recently changed that existed then) a board "as of" folds.</summary>
    public const int AsOfArticles = 500;

    /// <summary>The statuses the board shows, in workflow order (spiked articles are off the board).</summary>
    public static readonly ArticleStatus[] Statuses =
    [
        ArticleStatus.Draft, ArticleStatus.InReview, ArticleStatus.ChangesRequested, ArticleStatus.Approved,
        ArticleStatus.Scheduled, ArticleStatus.Published, ArticleStatus.Withdrawn
    ];

    public sealed record Filters(string? Desk, ArticleStatus? Status, string? Tag, string? Search, DateTimeOffset? AsOf = null);

    public sealed record Column(ArticleStatus Status, int Count, IReadOnlyList<Article> Cards);

    public static string Name(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "In review",
        ArticleStatus.ChangesRequested => "Changes requested",
        _ => status.ToString()
    };

    /// <summary>Only the caller's desks, as the API's board: editors and reviewers see theirs, the others every desk.</summary>
    public static async Task<BoardView> LoadAsync(IQuerySession session, CurrentUser user, Filters filter, CancellationToken ct)
    {
        var desks = await VisibleDesksAsync(session, user, ct);
        if (filter.AsOf is { } moment) return new BoardView(filter, await ColumnsAsOfAsync(session, user, filter, moment, ct), desks);
        var now = await LoadColumnsAsync(session, user, filter, ct);
        var ids = now.SelectMany(c => c.Cards).Select(a => a.Id).ToList();
        return new BoardView(filter, now, desks) { Editing = await Presence.EditingAsync(session, ids, DateTimeOffset.UtcNow, ct) };
    }

    private static async Task<IReadOnlyList<Column>> LoadColumnsAsync(IQuerySession session, CurrentUser user, Filters filter, CancellationToken ct)
    {
        var statuses = filter.Status is { } only ? [only] : Statuses;
        var columns = new List<Column>();
        foreach (var status in statuses)
        {
            var query = Matching(session, user, filter, status);
            var count = await query.CountAsync(ct);
            var cards = count == 0 ? [] : await query.OrderByDescending(a => a.UpdatedAt).Take(CardsPerColumn).ToListAsync(ct);
            columns.Add(new Column(status, count, cards));
        }
        return columns;
    }

    /// <summary>
    /// The board as it stood at a moment: each article folded from its own events up to then (status, desk,
    /// headline, tags as they were), so nothing depends on a read model that may have changed since.
    /// </summary>
    private static async Task<IReadOnlyList<Column>> ColumnsAsOfAsync(IQuerySession session, CurrentUser user, Filters filter,
        DateTimeOffset moment, CancellationToken ct)
    {
        var candidates = session.Query<Article>().Where(a => a.CreatedAt <= moment);
        if (!user.SeesAllDesks)
        {
            var mine = user.Desks.ToArray();
            candidates = candidates.Where(a => mine.Contains(a.Desk));
        }
        var ids = await candidates.OrderByDescending(a => a.UpdatedAt).Select(a => a.Id).Take(AsOfArticles).ToListAsync(ct);
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(ids.ToArray()) && e.Timestamp <= moment)
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        var then = events.GroupBy(e => e.StreamId)
            .Select(stream => Article.FoldAll(null, stream.Select(e => e.Data).OfType<IArticleEvent>()))
            .Where(a => user.CanSee(a.Desk))
            .Where(a => filter.Desk is not { Length: > 0 } desk || a.Desk == desk)
            .Where(a => filter.Tag is not { Length: > 0 } tag || a.Content.Tags.Contains(tag))
            .Where(a => filter.Search is not { Length: > 0 } text || a.Content.Headline.Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return (filter.Status is { } only ? [only] : Statuses).Select(status =>
        {
            var cards = then.Where(a => a.Status == status).OrderByDescending(a => a.UpdatedAt).ToList();
            return new Column(status, cards.Count, cards.Take(CardsPerColumn).ToList());
        }).ToList();
    }

    private static IQueryable<Article> Matching(IQuerySession session, CurrentUser user, Filters filter, ArticleStatus status)
    {
        var query = session.Query<Article>().Where(a => a.Status == status);
        if (!user.SeesAllDesks)
        {
            var mine = user.Desks.ToArray();
            query = query.Where(a => mine.Contains(a.Desk));
        }
        if (filter.Desk is { Length: > 0 } desk) query = query.Where(a => a.Desk == desk);
        if (filter.Tag is { Length: > 0 } tag) query = query.Where(a => a.Content.Tags.Contains(tag));
        if (filter.Search is { Length: > 0 } text) query = query.Where(a => a.Content.Headline.Contains(text, StringComparison.OrdinalIgnoreCase));
        return query;
    }

    private static async Task<IReadOnlyList<string>> VisibleDesksAsync(IQuerySession session, CurrentUser user, CancellationToken ct)
    {
        if (!user.SeesAllDesks) return user.Desks.Order().ToList();
        var desks = await session.QueryAsync<string>($"select distinct d.desk from {Infrastructure.Persistence.MartenSetup.Schema}.mt_doc_article as d order by 1", ct);
        return desks.ToList();
    }
}
