using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Reading;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reviewing;

public static class ReviewQueueEndpoint
{
    /// <summary>The reviewer's queue: articles in review on the caller's desks, longest waiting first.</summary>
    [WolverineGet("/api/review-queue", Name = "ReviewQueue")]
    [Authorize(Roles = Roles.Reviewers)]
    [Tags("Reviewing")]
    [ProducesResponseType<Page<ArticleResponse>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http,
        [FromQuery] string? desk, [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var user = CurrentUser.From(http.User);
        var pageSize = Paging.Limit(limit);
        if (pageSize is null)
            return Problem.Validation("limit", $"limit is a whole number from 1 to {Paging.MaxLimit}.").ToResult(http);
        Cursor after = default;
        if (cursor is not null && !Cursor.TryDecode(cursor, out after))
            return Problem.Validation("cursor", "The cursor is not one this service issued.").ToResult(http);

        var query = session.Query<Article>().Where(a => a.Status == ArticleStatus.InReview);
        if (!user.IsAdmin)
        {
            var desks = user.Desks.ToArray();
            query = query.Where(a => desks.Contains(a.Desk));
        }
        if (!string.IsNullOrWhiteSpace(desk)) query = query.Where(a => a.Desk == desk.Trim());
        if (cursor is not null)
            query = query.Where(a => a.SubmittedAt > after.At || (a.SubmittedAt == after.At && a.Id > after.Id));

        var rows = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Take(pageSize.Value + 1).ToListAsync(http.RequestAborted);
        var items = rows.Take(pageSize.Value).ToList();
        var next = rows.Count > pageSize ? new Cursor(items[^1].SubmittedAt!.Value, items[^1].Id).Encode() : null;
        return TypedResults.Ok(new Page<ArticleResponse>(items.Select(a => ArticleResponse.From(a, includeBody: false)).ToList(), next));
    }
}
