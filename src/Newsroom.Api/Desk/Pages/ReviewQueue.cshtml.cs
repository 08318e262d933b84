using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk.Pages;

/// <summary>The articles in review on the viewer's desks, oldest submission first.</summary>
public sealed class ReviewQueueModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<Article> Articles { get; private set; } = [];
    public CurrentUser Viewer { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Viewer = CurrentUser.From(User);
        var query = session.Query<Article>().Where(a => a.Status == ArticleStatus.InReview);
        if (!Viewer.SeesAllDesks)
        {
            var mine = Viewer.Desks.ToArray();
            query = query.Where(a => mine.Contains(a.Desk));
        }
        Articles = await query.OrderBy(a => a.SubmittedAt).Take(200).ToListAsync(HttpContext.RequestAborted);
    }
}
