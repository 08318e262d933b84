using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Statistics;

public static class GetDeskStatisticsEndpoint
{
    /// <summary>Per desk: articles per status, time from submission to approval and creation to publication, approvals per reviewer.</summary>
    [WolverineGet("/api/stats/desks", Name = "GetDeskStatistics")]
    [Authorize(Roles = "auditor,admin,editor")]
    [Tags("Audit")]
    public static async Task<Ok<Page<DeskStatisticsResponse>>> Get(IQuerySession session, HttpContext http, [FromQuery] string? desk)
    {
        var user = CurrentUser.From(http.User);
        var query = session.Query<DeskStatistics>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(desk)) query = query.Where(d => d.Id == desk);
        var all = await query.OrderBy(d => d.Id).ToListAsync(http.RequestAborted);
        var durations = (await DeskDurations.SummarizeAsync(session, string.IsNullOrWhiteSpace(desk) ? null : desk, http.RequestAborted))
            .ToDictionary(d => (d.Desk, d.Kind), DurationSummary.From);
        DurationSummary Summary(string deskId, string kind) => durations.GetValueOrDefault((deskId, kind)) ?? DurationSummary.None;

        // Auditors and admins see every desk; an editor sees the desks they work on.
        var visible = all.Where(d => user.IsAdmin || user.Has(Roles.Auditor) || user.Desks.Contains(d.Id));
        var statuses = Enum.GetValues<ArticleStatus>().Select(s => s.ToWireName()).ToList();
        return TypedResults.Ok(new Page<DeskStatisticsResponse>(visible.Select(d => new DeskStatisticsResponse(
            d.Id,
            statuses.ToDictionary(s => s, s => d.Counts.GetValueOrDefault(s)),
            Summary(d.Id, DeskDuration.SubmissionToApproval),
            Summary(d.Id, DeskDuration.CreationToPublication),
            d.ApprovalsByReviewer.OrderByDescending(r => r.Value.Approvals).ThenBy(r => r.Key)
                .Select(r => new ReviewerApprovals(r.Key, r.Value.Name, r.Value.Approvals)).ToList())).ToList(), null));
    }
}
