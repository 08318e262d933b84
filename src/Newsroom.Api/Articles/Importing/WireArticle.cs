using FluentValidation;

namespace Newsroom.Articles.Importing;

/// <summary>
/// What an importer (plain text, ninjs) extracted, as a create request would carry it: checked by the same
/// shape rules as a create before it becomes a draft.
/// </summary>
public sealed record WireArticle(string? Headline, string? Desk, string? Standfirst, string? Body, List<string>? Byline,
    List<string>? Tags, string? Category, List<GeoLocation>? Locations, string? Language, DateTimeOffset? EmbargoUntil, int? Priority)
    : IContentFields
{
    public string? Slug => null;

    /// <summary>Checks the extracted fields with the same rules as a create, then creates the draft (201).</summary>
    public async Task<IResult> ImportAsync(IValidator<WireArticle> validator, Marten.IDocumentSession session, HttpContext http,
        TimeProvider clock, string source)
    {
        var validation = await validator.ValidateAsync(this, http.RequestAborted);
        if (!validation.IsValid) return Infrastructure.Http.RequestValidation.ToProblem(validation).ToResult(http);
        return await Drafting.ArticleCreation.CreateAsync(session, http, clock, this, source);
    }

    public sealed class Validator : ContentFieldsValidator<WireArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Headline).NotEmpty();
            RuleFor(x => x.Desk).NotEmpty().WithMessage("Say which desk the article is for: ?desk=world.");
        }
    }
}

