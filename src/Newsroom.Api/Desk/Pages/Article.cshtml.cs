using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk.Pages;

/// <summary>One article: where it stands, the text as readers will see it, and exactly the actions the viewer may take.</summary>
public sealed class ArticleModel(IDocumentSession session, ArticleCommands commands, TimeProvider clock, IServiceProvider services) : PageModel
{
    public Article? Article { get; private set; }
    /// <summary>The article's notes, oldest first.</summary>
    public IReadOnlyList<Articles.Comments.ArticleComment> Comments { get; private set; } = [];
    public IReadOnlyList<ActionState> Actions { get; private set; } = [];
    public IReadOnlyList<string> OthersEditing { get; private set; } = [];

    /// <summary>Edit (a revision) or Correct (once published): offered when the API's decider would accept a change.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Why the last action was refused, in the rule's own words.</summary>
    public string? Refusal { get; private set; }
    public IReadOnlyDictionary<string, string[]>? RefusalErrors { get; private set; }

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Comment { get; set; }

    /// <summary>Whether the comment form is offered: the comment endpoint's roles and its decider.</summary>
    public bool CanComment { get; private set; }

    public async Task<IActionResult> OnPostCommentAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFoundPage();
        var result = await Context().RunAsync(new Articles.Comments.AddComment(Comment),
            (c, commands) => Articles.Comments.AddCommentEndpoint.Post(id, c, commands));
        if (ActionState.RefusalOf(result) is { } problem)
        {
            Refusal = $"Add comment: {problem.Detail}";
            RefusalErrors = problem.Errors;
            Response.StatusCode = problem.Status;
            await LoadAsync(id);
            return Page();
        }
        return Redirect($"/desk/articles/{id}#comments-heading");
    }
    [BindProperty] public DateTime? PublishAt { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostActAsync(Guid id, string? action, int version, int? revision)
    {
        if (!await LoadAsync(id)) return NotFoundPage();
        if (ArticleAction.Named(action) is not { } chosen || !chosen.AllowedFor(CurrentUser.From(User)))
        {
            Refusal = "That action is not available to you.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        var publishAt = PublishAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        var result = await chosen.Execute(Context(), new ActionInput(version, revision, Reason, null, publishAt));
        if (ActionState.RefusalOf(result) is { } problem)
        {
            Refusal = $"{chosen.Name}: {problem.Detail}";
            RefusalErrors = problem.Errors;
            Response.StatusCode = problem.Status;
            await LoadAsync(id); // what the article is now, with the person's input still in the form
            return Page();
        }
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var article = await session.LoadAsync<Article>(id, HttpContext.RequestAborted);
        // Outside the viewer's desks it does not exist, exactly as in the API (a readable page, status 404).
        if (article is null || !CurrentUser.From(User).CanSee(article.Desk)) return false;
        Article = article;
        var user = CurrentUser.From(User);
        Actions = await ActionState.ForAsync(Context());
        CanEdit = EditAction.AllowedFor(user, article, clock.GetUtcNow());
        CanComment = CommentAction.AllowedFor(user, article, clock.GetUtcNow());
        OthersEditing = await Presence.OthersEditingAsync(session, article.Id, user, clock.GetUtcNow(), HttpContext.RequestAborted);
        Comments = await Articles.Comments.ArticleComment.Of(session, article.Id).ToListAsync(HttpContext.RequestAborted);
        return true;
    }

    private ActionContext Context() =>
        new(Article!, commands, services);

    private IActionResult NotFoundPage()
    {
        Article = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The body as the public page renders it (the same renderer and sanitizer).</summary>
    public string BodyHtml => Public.Rendering.ArticleHtml.Render(Article?.Content.Body);
}
