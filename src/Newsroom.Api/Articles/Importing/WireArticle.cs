global using ImportResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Newsroom.Articles.CreatedArticle,
    Newsroom.Infrastructure.Http.Answers.BadRequestProblem,
    Newsroom.Infrastructure.Http.Answers.ForbiddenProblem,
    Newsroom.Infrastructure.Http.Answers.UnsupportedMediaTypeProblem>;
using FluentValidation;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;

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
    public async Task<ImportResult> ImportAsync(IValidator<WireArticle> validator, ArticleCommands commands, string source)
    {
        var validation = await validator.ValidateAsync(this, commands.Aborted);
        if (!validation.IsValid) return new BadRequestProblem(RequestValidation.ToProblem(validation));
        return (await commands.CreateAsync(this, source)).Result switch
        {
            CreatedArticle created => created,
            BadRequestProblem invalid => invalid,
            ForbiddenProblem forbidden => forbidden,
            var other => throw new InvalidOperationException($"Unexpected answer {other}.")
        };
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

