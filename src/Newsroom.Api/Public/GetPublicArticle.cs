using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http.Answers;
using Wolverine.Http;

namespace Newsroom.Public;

public static class GetPublicArticleEndpoint
{
    /// <summary>A published article by slug: 404 if unknown or never published, 410 once withdrawn.</summary>
    [WolverineGet("/public/articles/{slug}", Name = "GetPublicArticle")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [Tags("Public")]
    [CachedPublicly(StatusCodes.Status200OK, StatusCodes.Status410Gone)]
    public static async Task<Results<Ok<PublicArticleResponse>, NotModified, NotFoundProblem, GoneProblem>> Get(
        string slug, IQuerySession session, HttpContext http, PublicSite site)
    {
        var article = await PublicLookup.BySlugAsync(session, slug, http.RequestAborted);
        if (article is null) return new NotFoundProblem(PublicLookup.Unknown(slug));
        if (article.Withdrawn) return PublicLookup.Gone(http, article);

        if (PublicCaching.NotModified(http, article) is { } notModified) return notModified;
        return TypedResults.Ok(PublicArticleResponse.From(article, site.BaseFor(http)));
    }
}
