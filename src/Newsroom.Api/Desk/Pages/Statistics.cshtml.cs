using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.Infrastructure.Identity;
using Newsroom.Statistics;

namespace Newsroom.Desk.Pages;

/// <summary>Per desk: articles per status, median time in review, and publications per day over the last two weeks.</summary>
public sealed class StatisticsModel(IQuerySession session) : PageModel
{
    public const int Days = 14;

    public bool Allowed { get; private set; }
    public IReadOnlyList<DeskFigures> Desks { get; private set; } = [];

    public sealed record DeskFigures(string Desk, IReadOnlyList<(string Status, int Count)> Counts, double? MedianHoursInReview,
        int Reviewed, IReadOnlyList<(string Day, int Publications)> PublicationsPerDay);

    private sealed record DayCount(string Desk, DateTime Day, int Count);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = CurrentUser.From(User);
        Allowed = user.Has(Roles.Auditor) || user.Has(Roles.Publisher);
        if (!Allowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var ct = HttpContext.RequestAborted;
        var stats = await session.Query<DeskStatistics>().OrderBy(d => d.Id).ToListAsync(ct);
        var durations = (await DeskDurations.SummarizeAsync(session, null, ct))
            .Where(d => d.Kind == DeskDuration.SubmissionToApproval).ToDictionary(d => d.Desk);
        var since = DateTime.UtcNow.Date.AddDays(-(Days - 1));
        var published = await session.QueryAsync<DayCount>($"""
            select jsonb_build_object('desk', p.desk, 'day', p.day, 'count', count(*))
            from (select d.desk, date_trunc('day', (d.data ->> 'publishedAt')::timestamptz at time zone 'UTC') as day
                  from {Infrastructure.Persistence.MartenSetup.Schema}.mt_doc_article as d
                  where d.data ->> 'publishedAt' is not null and (d.data ->> 'publishedAt')::timestamptz >= ?) as p
            group by p.desk, p.day
            """, ct, new DateTimeOffset(since, TimeSpan.Zero));

        Desks = stats.Select(d => new DeskFigures(
            d.Id,
            BoardView.Statuses.Append(ArticleStatus.Spiked).Select(s => (BoardView.Name(s), d.Counts.GetValueOrDefault(s.ToWireName()))).ToList(),
            durations.TryGetValue(d.Id, out var row) ? Math.Round(row.Median / 3600, 2) : null,
            durations.TryGetValue(d.Id, out var r) ? r.Count : 0,
            Enumerable.Range(0, Days).Select(i => since.AddDays(i)).Select(day =>
                (day.ToString("MM-dd"), published.Where(p => p.Desk == d.Id && p.Day.Date == day).Sum(p => p.Count))).ToList()))
            .ToList();
        return Page();
    }
}
