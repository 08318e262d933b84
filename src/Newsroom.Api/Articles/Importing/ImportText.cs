using System.Text;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Drafting;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Importing;

/// <summary>The content a plain-text import yields, checked by the same shape rules as a create.</summary>
public sealed record ImportedArticle(string? Headline, string? Desk, string? Standfirst, string? Body, string? Category)
    : IContentFields
{
    public List<string>? Byline => null;
    public List<string>? Tags => null;
    public List<GeoLocation>? Locations => null;
    public string? Language => null;
    public string? Slug => null;
    public DateTimeOffset? EmbargoUntil => null;
    public int? Priority => null;

    public sealed class Validator : ContentFieldsValidator<ImportedArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Headline).NotEmpty();
            RuleFor(x => x.Desk).NotEmpty().WithMessage("Say which desk the article is for: ?desk=world.");
        }
    }
}

public static class ImportTextEndpoint
{
    /// <summary>
    /// Turns a plain-text article (headline, standfirst, subheadings, paragraphs, a trailing "posted in" line)
    /// into a draft. The text is read as UTF-8 and kept byte for byte.
    /// </summary>
    [WolverinePost("/api/imports/text", Name = "ImportText")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Drafting")]
    [Consumes("text/plain")]
    [ProducesResponseType<ArticleResponse>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(HttpContext http, [FromQuery] string? desk, IDocumentSession session,
        TimeProvider clock, IValidator<ImportedArticle> validator)
    {
        if (http.Request.ContentType is not { } contentType || !contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            return new Problem(415, ErrorCodes.UnsupportedMediaType, "Send the article as text/plain (UTF-8).").ToResult(http);

        string text;
        using (var reader = new StreamReader(http.Request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try { text = await reader.ReadToEndAsync(http.RequestAborted); }
            catch (DecoderFallbackException) { return Problem.Validation("body", "The text is not valid UTF-8.").ToResult(http); }
        }

        ImportedText imported;
        try { imported = PlainTextImporter.Parse(text); }
        catch (ArgumentException e) { return Problem.Validation("body", e.Message).ToResult(http); }

        var article = new ImportedArticle(imported.Headline, desk?.Trim(), imported.Standfirst, imported.Body, imported.Category);
        var validation = await validator.ValidateAsync(article, http.RequestAborted);
        if (!validation.IsValid) return RequestValidation.ToProblem(validation).ToResult(http);

        return await ArticleCreation.CreateAsync(session, http, clock, article, source: "text_import");
    }
}
