using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk.Pages;

/// <summary>What is going to happen: scheduled publications and embargo ends, by day over two weeks, and the tray of approved articles with no time yet.</summary>
public sealed class CalendarModel(IDocumentSession session, ArticleCommands commands, IServiceProvider services) : PageModel
{
    /// <summary>Tray articles the viewer may schedule now (the schedule endpoint's roles and decider).</summary>
    public IReadOnlySet<Guid> Schedulable { get; private set; } = new HashSet<Guid>();
    public string? Refusal { get; private set; }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostScheduleAsync(Guid id, int version, DateTime? publishAt)
    {
        var article = await session.LoadAsync<Article>(id, HttpContext.RequestAborted);
        var user = CurrentUser.From(User);
        if (article is null || !user.CanSee(article.Desk) || ArticleAction.Named("Schedule") is not { } schedule || !schedule.AllowedFor(user))
        {
            Refusal = "That article cannot be scheduled by you.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            await OnGetAsync();
            return Page();
        }
        var at = publishAt is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        var context = new ActionContext(article, commands, services);
        if (ActionState.RefusalOf(await schedule.Execute(context, new ActionInput(version, null, null, null, at))) is { } problem)
        {
            Refusal = $"Schedule “{article.Content.Headline}”: {problem.Detail}" + (problem.Errors is { } e ? " " + string.Join(" ", e.SelectMany(x => x.Value)) : "");
            Response.StatusCode = problem.Status;
            await OnGetAsync();
            return Page();
        }
        return RedirectToPage();
    }

    public const int Days = 14;

    public sealed record Entry(Article Article, DateTimeOffset At, string What);
    public sealed record Day(DateOnly Date, IReadOnlyList<Entry> Entries);

    public IReadOnlyList<Day> Schedule { get; private set; } = [];
    public IReadOnlyList<Article> Tray { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    public DateOnly First { get; private set; }

    public async Task OnGetAsync()
    {
        var user = CurrentUser.From(User);
        var ct = HttpContext.RequestAborted;
        First = From ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var start = new DateTimeOffset(First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(Days);

        var visible = session.Query<Article>().AsQueryable();
        if (!user.SeesAllDesks)
        {
            var mine = user.Desks.ToArray();
            visible = visible.Where(a => mine.Contains(a.Desk));
        }
        var scheduled = await visible.Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledFor >= start && a.ScheduledFor < end).ToListAsync(ct);
        var embargoed = await visible.Where(a => a.Content.EmbargoUntil >= start && a.Content.EmbargoUntil < end && a.Status != ArticleStatus.Spiked).ToListAsync(ct);
        Tray = await visible.Where(a => a.Status == ArticleStatus.Approved).OrderBy(a => a.UpdatedAt).Take(100).ToListAsync(ct);
        if (ArticleAction.Named("Schedule") is { } schedule && schedule.AllowedFor(user))
        {
            var ids = new HashSet<Guid>();
            foreach (var article in Tray)
                if ((await schedule.DryRun(new ActionContext(article, commands, services))).Problem is null)
                    ids.Add(article.Id);
            Schedulable = ids;
        }

        var entries = scheduled.Select(a => new Entry(a, a.ScheduledFor!.Value, "publishes"))
            .Concat(embargoed.Select(a => new Entry(a, a.Content.EmbargoUntil!.Value, "embargo ends")))
            .ToList();
        Schedule = Enumerable.Range(0, Days).Select(i => First.AddDays(i)).Select(date => new Day(date,
            entries.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) == date).OrderBy(e => e.At).ToList())).ToList();
    }

    public static string Week(DateOnly date) =>
        "Week " + ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)).ToString(CultureInfo.InvariantCulture);
}
