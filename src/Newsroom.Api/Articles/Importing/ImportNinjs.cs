using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Importing;

public static class ImportNinjsEndpoint
{
    /// <summary>
    /// Wire copy to draft: a ninjs 2.x document (validated against the IPTC schema; errors → 400 with them)
    /// becomes a draft on <c>?desk=</c>, its HTML body sanitized.
    /// </summary>
    [WolverinePost("/api/imports/ninjs", Name = "ImportNinjs")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Drafting")]
    [Consumes("application/json")]
    public static async Task<ImportResult> Post([FromQuery, ParameterSchema("string", Required = true, Example = "world", Description = "The desk the draft is for.")] string? desk, ArticleCommands commands, IValidator<WireArticle> validator)
    {
        var http = commands.Http;
        if (http.Request.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return new UnsupportedMediaTypeProblem(new Problem(415, ErrorCodes.UnsupportedMediaType, "Send the ninjs document as application/json."));

        JsonNode? document;
        try { document = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted); }
        catch (System.Text.Json.JsonException e) { return new BadRequestProblem(Problem.Validation("body", $"The body is not JSON: {e.Message}")); }

        var (draft, errors) = NinjsImport.Parse(document);
        if (draft is null)
            return new BadRequestProblem(new Problem(400, ErrorCodes.ValidationFailed, "The document is not valid ninjs: see errors.",
                new Dictionary<string, string[]> { ["ninjs"] = errors.ToArray() }));

        var article = new WireArticle(draft.Headline, desk?.Trim(), draft.Standfirst, draft.BodyHtml, draft.Byline, draft.Tags,
            draft.Category, draft.Locations, draft.Language, draft.EmbargoUntil, draft.Priority);
        return await article.ImportAsync(validator, commands, source: "ninjs_import");
    }
}
