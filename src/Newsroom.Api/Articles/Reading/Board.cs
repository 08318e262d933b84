using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reading;

public static class BoardEndpoint
{
    /// <summary>
    /// The desk's board: articles most recently changed first, filtered by status (comma-separated),
    /// desk, creator, reviewer and a headline search, limited to the caller's desks where their role demands it.
    /// </summary>
    [WolverineGet("/api/articles", Name = "ListArticles")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("Articles")]
    public static async Task<Results<BoardPage, BadRequestProblem>> Get(IQuerySession session, HttpContext http, BoardItemCache cache,
        [FromQuery, ParameterSchema("string", Example = "draft,in_review", Description = "One status or several, comma-separated: draft, in_review, changes_requested, approved, scheduled, published, withdrawn, spiked.")] string? status, [FromQuery] string? desk, [FromQuery] string? createdBy,
        [FromQuery] string? reviewer, [FromQuery] string? q, [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var user = CurrentUser.From(http.User);
        var errors = new Dictionary<string, string[]>();

        var statuses = ParseStatuses(status, errors);
        var page = PageRequest.Parse(limit, cursor, errors);
        if (q is { Length: > 200 }) errors["q"] = ["The search text is at most 200 characters."];
        if (errors.Count > 0) return new BadRequestProblem(Problem.Validation(errors));

        var filters = new BoardFilters(user, statuses ?? [], desk?.Trim() ?? "", createdBy?.Trim() ?? "", reviewer?.Trim() ?? "",
            string.IsNullOrWhiteSpace(q) ? "" : q.Trim(), page.After, page.Limit + 1);
        var (sql, parameters) = BoardQuery.Build(filters);
        var keys = page.ToPage(await session.QueryAsync<BoardKey>(sql, http.RequestAborted, parameters), k => new Cursor(k.At, k.Id), k => k);
        return new BoardPage(await cache.ItemsAsync(session, keys.Items, http.RequestAborted), keys.Next);
    }

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
