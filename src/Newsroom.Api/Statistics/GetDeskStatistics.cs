using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Newsroom.Articles.Reading;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Statistics;

public sealed record DeskStatisticsResponse(string Desk, IReadOnlyDictionary<string, int> Counts, DurationSummary SubmissionToApproval,
    DurationSummary CreationToPublication, IReadOnlyList<ReviewerApprovals> ApprovalsPerReviewer);

/// <summary>Seconds; null when there is nothing to summarize yet.</summary>
public sealed record DurationSummary(int Count, double? MedianSeconds, double? P90Seconds)
{
    public static DurationSummary Of(IReadOnlyCollection<double> seconds)
    {
        if (seconds.Count == 0) return new DurationSummary(0, null, null);
        var sorted = seconds.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        // Nearest-rank p90: the smallest value with at least 90 % of the values at or below it.
        var p90 = sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1];
        return new DurationSummary(sorted.Length, Math.Round(median, 3), Math.Round(p90, 3));
    }
}

public sealed record ReviewerApprovals(string Reviewer, string Name, int Approvals);

public static class GetDeskStatisticsEndpoint
{
    /// <summary>Per desk: articles per status, time from submission to approval and creation to publication, approvals per reviewer.</summary>
    [WolverineGet("/api/stats/desks", Name = "DeskStatistics")]
    [Authorize(Roles = "auditor,admin,editor")]
    [Tags("Audit")]
    [ProducesResponseType<Page<DeskStatisticsResponse>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http, [FromQuery] string? desk)
    {
        var user = CurrentUser.From(http.User);
        var query = session.Query<DeskStatistics>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(desk)) query = query.Where(d => d.Id == desk);
        var all = await query.OrderBy(d => d.Id).ToListAsync(http.RequestAborted);

        // Auditors and admins see every desk; an editor sees the desks they work on.
        var visible = all.Where(d => user.IsAdmin || user.Has(Roles.Auditor) || user.Desks.Contains(d.Id));
        var statuses = Enum.GetValues<ArticleStatus>().Select(s => s.ToWireName()).ToList();
        return TypedResults.Ok(new Page<DeskStatisticsResponse>(visible.Select(d => new DeskStatisticsResponse(
            d.Id,
            statuses.ToDictionary(s => s, s => d.Counts.GetValueOrDefault(s)),
            DurationSummary.Of(d.SubmissionToApproval),
            DurationSummary.Of(d.CreationToPublication),
            d.ApprovalsByReviewer.OrderByDescending(r => r.Value.Approvals).ThenBy(r => r.Key)
                .Select(r => new ReviewerApprovals(r.Key, r.Value.Name, r.Value.Approvals)).ToList())).ToList(), null));
    }
}
