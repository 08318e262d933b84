using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk.Pages;

public sealed class InboxModel(IQuerySession query, IDocumentSession session) : PageModel
{
    public Inbox Inbox { get; private set; } = null!;

    public async Task OnGetAsync() => Inbox = await Inbox.LoadAsync(query, CurrentUser.From(User), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostReadAsync()
    {
        await Inbox.MarkReadAsync(session, CurrentUser.From(User), HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
