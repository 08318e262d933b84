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

        IQueryable<Article> query = session.Query<Article>();
        if (!user.SeesAllDesks)
        {
            var desks = user.Desks.ToArray();
            query = query.Where(a => desks.Contains(a.Desk));
        }
        if (statuses is { Length: > 0 }) query = query.Where(a => statuses.Contains(a.Status));
        if (!string.IsNullOrWhiteSpace(desk)) query = query.Where(a => a.Desk == desk.Trim());
        if (!string.IsNullOrWhiteSpace(createdBy)) query = query.Where(a => a.CreatedById == createdBy.Trim());
        if (!string.IsNullOrWhiteSpace(reviewer)) query = query.Where(a => a.Reviewer == reviewer.Trim());
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(a => a.Content.Headline.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        if (page.After is { } after)
            query = query.Where(a => a.UpdatedAt < after.At || (a.UpdatedAt == after.At && a.Id < after.Id));

        var rows = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Take(page.Limit + 1).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(page.ToPage(rows, a => new Cursor(a.UpdatedAt, a.Id), a => ArticleResponse.From(a, includeBody: false)));
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
