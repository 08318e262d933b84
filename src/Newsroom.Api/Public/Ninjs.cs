using System.Text.Json.Nodes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Importing;
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
        if (PublicCaching.NotModified(http, article!)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Text(NinjsExport.ToNinjs(article!, site.BaseFor(http)).ToJsonString(), "application/json; charset=utf-8");
    }
}
