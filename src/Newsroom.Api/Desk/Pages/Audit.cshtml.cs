using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Audit;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk.Pages;

/// <summary>The global who-did-what, for auditors and admins (as the API's /api/audit), newest first.</summary>
public sealed class AuditModel(IQuerySession session) : PageModel
{
    public const int Shown = 200;

    public AuditFilters Filters { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Desks { get; private set; } = [];
    public bool Allowed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Allowed = CurrentUser.From(User).Has(Roles.Auditor);
        if (!Allowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Filters = AuditFilters.Parse(Request.Query);
        Entries = await Filters.Query(session).OrderByDescending(e => e.Seq).Take(Shown).ToListAsync(HttpContext.RequestAborted);
        Desks = (await session.QueryAsync<string>(
            $"select distinct d.desk from {Infrastructure.Persistence.MartenSetup.Schema}.mt_doc_article as d order by 1", HttpContext.RequestAborted)).ToList();
        return Page();
    }

    public string ExportUrl => "/desk/audit/export.csv" + Request.QueryString;
}
