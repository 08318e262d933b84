using Marten;

namespace Newsroom.Public;

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
