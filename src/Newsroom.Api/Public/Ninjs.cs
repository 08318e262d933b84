using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Public.Ninjs;
using Wolverine.Http;

namespace Newsroom.Public;

public static class GetNinjsEndpoint
{
    /// <summary>The published article as IPTC ninjs 2.2 (validated against the IPTC schema in the tests).</summary>
    [WolverineGet("/public/articles/{slug}/ninjs", Name = "GetNinjs")]
    [AllowAnonymous]
    [Tags("Public")]
    [CachedPublicly(StatusCodes.Status200OK, StatusCodes.Status410Gone)]
    [Produces("application/json")]
    public static async Task<Results<ContentHttpResult, NotModified, NotFoundProblem, GoneProblem>> Get(
        string slug, IQuerySession session, HttpContext http, PublicSite site)
    {
        var article = await PublicLookup.BySlugAsync(session, slug, http.RequestAborted);
        if (article is null) return new NotFoundProblem(PublicLookup.Unknown(slug));
        if (article.Withdrawn) return PublicLookup.Gone(http, article);
        if (PublicCaching.NotModified(http, article) is { } notModified) return notModified;
        return TypedResults.Text(NinjsExport.ToNinjs(article, site.BaseFor(http)).ToJsonString(), "application/json; charset=utf-8");
    }
}
