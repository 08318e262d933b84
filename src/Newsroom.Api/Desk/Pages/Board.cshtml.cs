using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk.Pages;

public sealed class BoardModel(IQuerySession session) : PageModel
{
    public BoardView Board { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string? Desk { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? AsOf { get; set; }

    public async Task OnGetAsync()
    {
        // An unknown status shows every column rather than an error: the filter is a select, not free text.
        var status = BoardView.Statuses.Where(s => s.ToWireName() == Status).Cast<ArticleStatus?>().FirstOrDefault();
        // The as-of field is labelled UTC and carries no zone.
        var asOf = AsOf is { } moment ? new DateTimeOffset(DateTime.SpecifyKind(moment, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        var filter = new BoardView.Filters(Trim(Desk), status, Trim(Tag), Trim(Search), asOf);
        Board = await BoardView.LoadAsync(session, CurrentUser.From(User), filter, HttpContext.RequestAborted);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 200)];

    public static string Age(DateTimeOffset at, DateTimeOffset now)
    {
        var age = now - at;
        return age.TotalMinutes < 1 ? "just now"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min ago"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} h ago"
            : $"{(int)age.TotalDays} d ago";
    }
}
