using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Publishing;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk.Pages;

/// <summary>
/// Writing: a new article, a revision, or (once published) a correction, through the API's own endpoints. A save
/// refused because someone else saved first shows both versions field by field and keeps the person's text.
/// </summary>
public sealed class EditModel(IDocumentSession session, ArticleCommands commands, TimeProvider clock, IServiceProvider services, DeskChanges changes) : PageModel
{
    public Article? Article { get; private set; }
    public bool IsNew => Article is null;
    public bool IsCorrection => Article?.Status is ArticleStatus.Published;
    public IReadOnlyList<string> Desks { get; private set; } = [];

    [BindProperty] public string? Headline { get; set; }
    [BindProperty] public string? Standfirst { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Byline { get; set; }
    [BindProperty] public string? Tags { get; set; }
    [BindProperty] public string? Desk { get; set; }
    [BindProperty] public DateTime? EmbargoUntil { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int Version { get; set; }

    public string? Refusal { get; private set; }
    public IReadOnlyDictionary<string, string[]>? Errors { get; private set; }
    /// <summary>Set when someone else saved first: the article as it is now, to show beside the person's text.</summary>
    public Article? Theirs { get; private set; }
    public IReadOnlyList<string> OthersEditing { get; private set; } = [];

    public string DraftKey => "newsroom.edit." + (Article?.Id.ToString() ?? "new");

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (!await LoadAsync(id)) return NotFoundPage();
        if (Article is { } a)
        {
            Headline = a.Content.Headline; Standfirst = a.Content.Standfirst; Body = a.Content.Body;
            Byline = string.Join(", ", a.Content.Byline); Tags = string.Join(", ", a.Content.Tags); Desk = a.Desk;
            EmbargoUntil = a.Content.EmbargoUntil?.UtcDateTime; Version = a.Version;
            await Presence.EditingAsync(session, changes, a.Id, CurrentUser.From(User), clock.GetUtcNow(), HttpContext.RequestAborted);
            OthersEditing = await Presence.OthersEditingAsync(session, a.Id, CurrentUser.From(User), clock.GetUtcNow(), HttpContext.RequestAborted);
        }
        else Desk = Desks.FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        if (!await LoadAsync(id)) return NotFoundPage();
        var result = Article is null ? await CreateAsync() : await SaveAsync(Article);
        if (ActionState.RefusalOf(result) is not { } problem)
        {
            var savedId = Article?.Id ?? ((result as Microsoft.AspNetCore.Http.INestedHttpResult)?.Result as CreatedArticle)?.Value.Id;
            if (Article is { } saved) await Presence.StoppedEditingAsync(session, changes, saved.Id, CurrentUser.From(User), HttpContext.RequestAborted);
            return Redirect($"/desk/articles/{savedId}?saved={Uri.EscapeDataString(DraftKey)}");
        }

        Refusal = problem.Detail;
        Errors = problem.Errors;
        Response.StatusCode = problem.Status;
        if (problem.Code == ErrorCodes.VersionConflict && Article is { } mine)
        {
            // Theirs is what is stored now; the form keeps the person's text and now carries the current version,
            // so saving again after reading the comparison is a deliberate choice.
            Theirs = await session.LoadAsync<Article>(mine.Id, HttpContext.RequestAborted);
            Version = Theirs?.Version ?? Version;
            ModelState.Remove(nameof(Version));
        }
        return Page();
    }

    private async Task<IResult> CreateAsync()
    {
        var command = new CreateArticle(Headline, Desk, Blank(Standfirst), Blank(Body), List(Byline), List(Tags),
            EmbargoUntil: Utc(EmbargoUntil));
        if (services.GetService<IValidator<CreateArticle>>() is { } validator)
        {
            var validation = await RequestValidation.ValidateAsync(validator, command, HttpContext);
            if (validation is not Wolverine.Http.WolverineContinue) return validation;
        }
        return await CreateArticleEndpoint.Post(command, commands);
    }

    private Task<IResult> SaveAsync(Article article)
    {
        var context = new ActionContext(article, commands, services);
        // The embargo is sent only when it changed: a new time, or liftEmbargo when the field was emptied.
        var embargo = Utc(EmbargoUntil);
        var embargoChanged = embargo != article.Content.EmbargoUntil;
        if (IsCorrection)
        {
            var correction = embargoChanged
                ? new CorrectArticle { Version = Version, Note = Note, Headline = Headline, Standfirst = Blank(Standfirst), Body = Blank(Body),
                    Byline = List(Byline), Tags = List(Tags), Desk = Desk, EmbargoUntil = embargo, LiftEmbargo = embargo is null ? true : null }
                : new CorrectArticle { Version = Version, Note = Note, Headline = Headline, Standfirst = Blank(Standfirst), Body = Blank(Body),
                    Byline = List(Byline), Tags = List(Tags), Desk = Desk };
            return context.RunAsync(correction, (c, commands) => CorrectArticleEndpoint.Post(article.Id, c, commands));
        }
        var revision = embargoChanged
            ? new ReviseArticle { Version = Version, Headline = Headline, Standfirst = Blank(Standfirst), Body = Blank(Body),
                Byline = List(Byline), Tags = List(Tags), Desk = Desk, EmbargoUntil = embargo, LiftEmbargo = embargo is null ? true : null }
            : new ReviseArticle { Version = Version, Headline = Headline, Standfirst = Blank(Standfirst), Body = Blank(Body),
                Byline = List(Byline), Tags = List(Tags), Desk = Desk };
        return context.RunAsync(revision, (c, commands) => ReviseArticleEndpoint.Patch(article.Id, c, commands));
    }

    private async Task<bool> LoadAsync(Guid? id)
    {
        var user = CurrentUser.From(User);
        Desks = user.Desks.Order().ToList();
        if (id is not { } articleId) return true;
        var article = await session.LoadAsync<Article>(articleId, HttpContext.RequestAborted);
        if (article is null || !user.CanSee(article.Desk)) return false;
        Article = article;
        if (!Desks.Contains(article.Desk)) Desks = [.. Desks, article.Desk];
        return true;
    }

    public bool Missing { get; private set; }

    private IActionResult NotFoundPage()
    {
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    private static List<string> List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
