using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reading;

public static class BoardEndpoint
{
    /// <summary>
    /// The desk's board: articles most recently changed first, filtered by status (comma-separated),
    /// desk, creator, reviewer and a headline search, limited to the caller's desks where their role demands it.
    /// </summary>
    [WolverineGet("/api/articles", Name = "Board")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("Articles")]
    [ProducesResponseType<Page<ArticleResponse>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http,
        [FromQuery] string? status, [FromQuery] string? desk, [FromQuery] string? createdBy,
        [FromQuery] string? reviewer, [FromQuery] string? q, [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var user = CurrentUser.From(http.User);
        var errors = new Dictionary<string, string[]>();

        var statuses = ParseStatuses(status, errors);
        var page = PageRequest.Parse(limit, cursor, errors);
        if (q is { Length: > 200 }) errors["q"] = ["The search text is at most 200 characters."];
        if (errors.Count > 0) return Problem.Validation(errors).ToResult(http);

        var rows = await session.QueryAsync<Article>(Sql, http.RequestAborted, new
        {
            allDesks = user.SeesAllDesks,
            desks = user.Desks.ToArray(),
            statuses = (statuses ?? []).Select(s => s.ToString()).ToArray(),
            desk = desk?.Trim() ?? "",
            createdBy = createdBy?.Trim() ?? "",
            reviewer = reviewer?.Trim() ?? "",
            pattern = string.IsNullOrWhiteSpace(q) ? "" : "%" + EscapeLike(q.Trim()) + "%",
            paging = page.After is not null,
            afterAt = page.After?.At ?? DateTimeOffset.UnixEpoch,
            afterId = page.After?.Id ?? Guid.Empty,
            take = page.Limit + 1
        });
        return TypedResults.Ok(page.ToPage(rows, a => new Cursor(a.UpdatedAt, a.Id), a => ArticleResponse.From(a, includeBody: false)));
    }

    // Board items leave the body out, so the database leaves it (and the comments) out of the documents it
    // sends: the benchmark showed the service spending a core deserializing full documents. Unused filters
    // are switched off by their parameters, which PostgreSQL folds away when it plans the query.
    private static readonly string Sql = $$"""
        select d.data #- '{content,body}' #- '{comments}' from {{Infrastructure.Persistence.MartenSetup.Schema}}.mt_doc_article as d
        where (:allDesks or d.desk = any(:desks))
          and (cardinality(:statuses) = 0 or d.status = any(:statuses))
          and (:desk = '' or d.desk = :desk)
          and (:createdBy = '' or d.created_by_id = :createdBy)
          and (:reviewer = '' or d.reviewer = :reviewer)
          and (:pattern = '' or d.data -> 'content' ->> 'headline' ilike :pattern)
          and (not :paging or (d.updated_at, d.id) < (:afterAt, :afterId))
        order by d.updated_at desc, d.id desc
        limit :take
        """;

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static ArticleStatus[]? ParseStatuses(string? raw, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var result = new List<ArticleStatus>();
        foreach (var name in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Enum.GetValues<ArticleStatus>().Where(s => s.ToWireName() == name).ToArray();
            if (match.Length == 1) result.Add(match[0]);
            else errors["status"] = [$"Unknown status '{name}'. Use: {string.Join(", ", Enum.GetValues<ArticleStatus>().Select(s => s.ToWireName()))}."];
        }
        return result.ToArray();
    }
}
