using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Importing;

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
    public static async Task<ImportResult> Post([FromQuery, ParameterSchema("string", Required = true, Example = "world", Description = "The desk the draft is for.")] string? desk, ArticleCommands commands, IValidator<WireArticle> validator)
    {
        var http = commands.Http;
        if (http.Request.ContentType is not { } contentType || !contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            return new UnsupportedMediaTypeProblem(new Problem(415, ErrorCodes.UnsupportedMediaType, "Send the article as text/plain (UTF-8)."));

        string text;
        using (var reader = new StreamReader(http.Request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try { text = await reader.ReadToEndAsync(http.RequestAborted); }
            catch (DecoderFallbackException) { return new BadRequestProblem(Problem.Validation("body", "The text is not valid UTF-8.")); }
        }

        ImportedText imported;
        try { imported = PlainTextImporter.Parse(text); }
        catch (FormatException e) { return new BadRequestProblem(Problem.Validation("body", e.Message)); }

        var article = new WireArticle(imported.Headline, desk?.Trim(), imported.Standfirst, imported.Body, Byline: null, Tags: null,
            imported.Category, Locations: null, Language: null, EmbargoUntil: null, Priority: null);
        return await article.ImportAsync(validator, commands, source: "text_import");
    }
}
