using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Articles;
using Newsroom.Articles.Reading;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Webhooks;
using Wolverine.Http;

namespace Newsroom.Public;

public static class GetPublicArticleEndpoint
{
    /// <summary>A published article by slug: 404 if unknown or never published, 410 once withdrawn.</summary>
    [WolverineGet("/public/articles/{slug}", Name = "GetPublicArticle")]
    [AllowAnonymous]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [Tags("Public")]
    public static async Task<Results<Ok<PublicArticleResponse>, NotModified, NotFoundProblem, GoneProblem>> Get(
        string slug, IQuerySession session, HttpContext http, PublicSite site)
    {
        var article = await PublicLookup.BySlugAsync(session, slug, http.RequestAborted);
        if (article is null) return new NotFoundProblem(PublicLookup.Unknown(slug));
        if (article.Withdrawn) return new GoneProblem(PublicLookup.WithdrawnProblem);

        if (PublicCaching.NotModified(http, article) is { } notModified) return notModified;
        return TypedResults.Ok(PublicArticleResponse.From(article, site.BaseFor(http)));
    }
}

public static class PublicCaching
{
    /// <summary>Sets the public version as ETag and a short shared cache lifetime; a 304 when the client already has it.</summary>
    public static NotModified? NotModified(HttpContext http, PublishedArticle article)
    {
        var etag = $"\"p{article.PublicVersion}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=30";
        return ConditionalRequests.ClientHas(http.Request, etag) ? new NotModified(etag) : null;
    }
}

public static class PublicLookup
{
    public static async Task<PublishedArticle?> BySlugAsync(IQuerySession session, string slug, CancellationToken ct) =>
        slug.Length > 200 ? null : await session.Query<PublishedArticle>()
            .Where(a => a.Slug == slug && a.PublishedAt != null)
            .FirstOrDefaultAsync(ct);

    public static Problem Unknown(string slug) => Problem.NotFound($"No published article has the slug '{slug}'.");

    public static readonly Problem WithdrawnProblem = new(410, ErrorCodes.Withdrawn, "This article has been withdrawn.");
}

public static class ListPublicArticlesEndpoint
{
    /// <summary>
    /// Published articles, newest first; <c>q</c> searches headline, standfirst and body with PostgreSQL
    /// full-text search, ranking headline matches first; <c>desk</c> and <c>tag</c> filter.
    /// </summary>
    [WolverineGet("/public/articles", Name = "ListPublicArticles")]
    [AllowAnonymous]
    [Tags("Public")]
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
            return TypedResults.Ok(new Page<PublicArticleSummary>(found.Take(size).Select(a => PublicArticleSummary.From(a, siteBase)).ToList(), next));
        }

        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Count > 0) return new BadRequestProblem(Problem.Validation(errors));

        var query = session.Query<PublishedArticle>().Where(a => a.PublishedAt != null && !a.Withdrawn);
        if (!string.IsNullOrWhiteSpace(desk)) query = query.Where(a => a.Desk == desk);
        if (!string.IsNullOrWhiteSpace(tag)) query = query.Where(a => a.Tags.Contains(tag));
        if (page.After is { } after)
            query = query.Where(a => a.PublishedAt < after.At || (a.PublishedAt == after.At && a.Id < after.Id));
        var rows = await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(page.Limit + 1).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(page.ToPage(rows, a => new Cursor(a.PublishedAt!.Value, a.Id), a => PublicArticleSummary.From(a, siteBase)));
    }
}

public static class SearchPage
{
    public static (int Size, int Offset) Parse(string? limit, string? cursor, IDictionary<string, string[]> errors)
    {
        var size = PageRequest.Parse(limit, null, errors).Limit;
        var offset = 0;
        if (cursor is not null)
        {
            var ok = cursor.StartsWith("o", StringComparison.Ordinal) && int.TryParse(cursor.AsSpan(1), out offset) && offset is >= 0 and <= 10_000;
            if (!ok) errors["cursor"] = ["The cursor is not one this service issued."];
        }
        return (size, offset);
    }

    public static string Encode(int offset) => "o" + offset;
}

public static class PublicSearch
{
    // Headline words weigh A, standfirst and body B: ts_rank then puts headline matches first.
    private const string Vector =
        "setweight(to_tsvector('english', coalesce(d.data ->> 'headline', '')), 'A') || " +
        "setweight(to_tsvector('english', coalesce(d.data ->> 'standfirst', '') || ' ' || coalesce(d.data ->> 'body', '')), 'B')";

    public static async Task<IReadOnlyList<PublishedArticle>> SearchAsync(IQuerySession session, string q, string? desk,
        string? tag, int limit, int offset, CancellationToken ct)
    {
        var sql = $"""
            select d.data from {Infrastructure.Persistence.MartenSetup.Schema}.mt_doc_publishedarticle as d
            where d.published_at is not null and (d.data ->> 'withdrawn')::boolean = false
              and (:desk = '' or d.desk = :desk)
              and (:tag = '' or d.data -> 'tags' @> jsonb_build_array(:tag))
              and ({Vector}) @@ websearch_to_tsquery('english', :q)
            order by ts_rank({Vector}, websearch_to_tsquery('english', :q)) desc, d.published_at desc, d.id desc
            limit :limit offset :offset
            """;
        return await session.QueryAsync<PublishedArticle>(sql, ct,
            new { q, desk = desk ?? "", tag = tag ?? "", limit, offset });
    }
}
