using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Reading;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reviewing;

public static class ReviewQueueEndpoint
{
    /// <summary>The reviewer's queue: articles in review on the caller's desks, longest waiting first.</summary>
    [WolverineGet("/api/review-queue", Name = "ListReviewQueue")]
    [Authorize(Roles = Roles.Reviewers)]
    [Tags("Reviewing")]
    public static async Task<Results<Ok<Page<ArticleResponse>>, BadRequestProblem>> Get(IQuerySession session, HttpContext http,
        [FromQuery] string? desk, [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var user = CurrentUser.From(http.User);
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Count > 0) return new BadRequestProblem(Problem.Validation(errors));

        var query = session.Query<Article>().Where(a => a.Status == ArticleStatus.InReview);
        if (!user.IsAdmin)
        {
            var desks = user.Desks.ToArray();
            query = query.Where(a => desks.Contains(a.Desk));
        }
        if (!string.IsNullOrWhiteSpace(desk)) query = query.Where(a => a.Desk == desk.Trim());
        if (page.After is { } after)
            query = query.Where(a => a.SubmittedAt > after.At || (a.SubmittedAt == after.At && a.Id > after.Id));

        var rows = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Take(page.Limit + 1).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(page.ToPage(rows, a => new Cursor(a.SubmittedAt!.Value, a.Id), a => ArticleResponse.From(a, includeBody: false)));
    }
}
