using System.Text.Json.Nodes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Newsroom.Public.Ninjs;
using Newsroom.Webhooks;
using Wolverine.Http;

namespace Newsroom.Public;

public static class GetNinjsEndpoint
{
    /// <summary>The published article as IPTC ninjs 2.2 (validated against the IPTC schema in the tests).</summary>
    [WolverineGet("/public/articles/{slug}/ninjs", Name = "GetNinjs")]
    [AllowAnonymous]
    [Tags("Public")]
    [Produces("application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, "application/problem+json")]
    public static async Task<IResult> Get(string slug, IQuerySession session, HttpContext http, PublicSite site)
    {
        var article = await PublicLookup.BySlugAsync(session, slug, http.RequestAborted);
        if (PublicLookup.Refusal(article, slug) is { } refused) return refused.ToResult(http);
        http.Response.Headers.ETag = $"\"p{article!.PublicVersion}\"";
        return TypedResults.Text(NinjsExport.ToNinjs(article, site.BaseFor(http)).ToJsonString(), "application/json; charset=utf-8");
    }
}

/// <summary>The fields of a wire story, as a create request would carry them.</summary>
public sealed record WireArticle(string? Headline, string? Desk, string? Standfirst, string? Body, List<string>? Byline,
    List<string>? Tags, string? Category, List<GeoLocation>? Locations, string? Language, DateTimeOffset? EmbargoUntil, int? Priority)
    : IContentFields
{
    public string? Slug => null;

    public sealed class Validator : ContentFieldsValidator<WireArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Headline).NotEmpty();
            RuleFor(x => x.Desk).NotEmpty().WithMessage("Say which desk the article is for: ?desk=world.");
        }
    }
}

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
    [ProducesResponseType<ArticleResponse>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(HttpContext http, [FromQuery] string? desk, IDocumentSession session,
        TimeProvider clock, FluentValidation.IValidator<WireArticle> validator)
    {
        if (http.Request.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return new Problem(415, ErrorCodes.UnsupportedMediaType, "Send the ninjs document as application/json.").ToResult(http);

        JsonNode? document;
        try { document = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted); }
        catch (System.Text.Json.JsonException e) { return Problem.Validation("body", $"The body is not JSON: {e.Message}").ToResult(http); }

        var (draft, errors) = NinjsImport.Parse(document);
        if (draft is null)
            return new Problem(400, ErrorCodes.ValidationFailed, "The document is not valid ninjs: see errors.",
                new Dictionary<string, string[]> { ["ninjs"] = errors.ToArray() }).ToResult(http);

        var article = new WireArticle(draft.Headline, desk?.Trim(), draft.Standfirst, draft.BodyHtml, draft.Byline, draft.Tags,
            draft.Category, draft.Locations, draft.Language, draft.EmbargoUntil, draft.Priority);
        var validation = await validator.ValidateAsync(article, http.RequestAborted);
        if (!validation.IsValid) return RequestValidation.ToProblem(validation).ToResult(http);

        return await ArticleCreation.CreateAsync(session, http, clock, article, source: "ninjs_import");
    }
}
