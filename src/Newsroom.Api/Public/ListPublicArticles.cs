using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Reading;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Wolverine.Http;

namespace Newsroom.Public;

public static class ListPublicArticlesEndpoint
{
    /// <summary>
    /// Published articles, newest first; <c>q</c> searches headline, standfirst and body with PostgreSQL
    /// full-text search, ranking headline matches first; <c>desk</c> and <c>tag</c> filter.
    /// </summary>
    [WolverineGet("/public/articles", Name = "ListPublicArticles")]
    [AllowAnonymous]
    [Tags("Public")]
    [CachedPublicly]
    public static async Task<Results<Ok<Page<PublicArticleSummary>>, BadRequestProblem>> Get(IQuerySession session, HttpContext http, PublicSite site,
        [FromQuery] string? q, [FromQuery] string? desk, [FromQuery] string? tag, [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > 200 }) errors["q"] = ["The search text is at most 200 characters."];
        var siteBase = site.BaseFor(http);

        if (!string.IsNullOrWhiteSpace(q))
        {
            // Ranked results page by position: the cursor is an offset into the ranking.
            var (size, offset) = SearchPage.Parse(limit, cursor, errors);
            if (errors.Count > 0) return new BadRequestProblem(Problem.Validation(errors));
            var found = await PublicSearch.SearchAsync(session, q.Trim(), desk, tag, size + 1, offset, http.RequestAborted);
            var next = found.Count > size ? SearchPage.Encode(offset + size) : null;
            PublicCaching.Cacheable(http, SurrogateKeys.Lists);
            return TypedResults.Ok(new Page<PublicArticleSummary>(found.Take(size).Select(a => PublicArticleSummary.From(a, siteBase)).ToList(), next));
        }

        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Count > 0) return new BadRequestProblem(Problem.Validation(errors));

        var rows = await PublicQueries.NewestAsync(session, string.IsNullOrWhiteSpace(desk) ? null : desk,
            string.IsNullOrWhiteSpace(tag) ? null : tag, page.After, page.Limit + 1, http.RequestAborted);
        PublicCaching.Cacheable(http, SurrogateKeys.Lists);
        return TypedResults.Ok(page.ToPage(rows, a => new Cursor(a.PublishedAt!.Value, a.Id), a => PublicArticleSummary.From(a, siteBase)));
    }
}
