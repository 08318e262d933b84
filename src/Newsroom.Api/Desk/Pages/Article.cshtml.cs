using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk.Pages;

/// <summary>One article: where it stands and the text as readers will see it.</summary>
public sealed class ArticleModel(IQuerySession session) : PageModel
{
    public Article? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var article = await session.LoadAsync<Article>(id, HttpContext.RequestAborted);
        // Outside the viewer's desks it does not exist, exactly as in the API (a readable page, status 404).
        if (article is null || !CurrentUser.From(User).CanSee(article.Desk))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Article = article;
        return Page();
    }

    /// <summary>The body as the public page renders it (the same renderer and sanitizer).</summary>
    public string BodyHtml => Public.Rendering.ArticleHtml.Render(Article?.Content.Body);
}
