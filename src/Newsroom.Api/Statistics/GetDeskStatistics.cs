using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Newsroom.Articles.Reading;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Statistics;

public sealed record DeskStatisticsResponse(string Desk, IReadOnlyDictionary<string, int> Counts, DurationSummary SubmissionToApproval,
    DurationSummary CreationToPublication, IReadOnlyList<ReviewerApprovals> ApprovalsPerReviewer);

/// <summary>Seconds; null when there is nothing to summarize yet.</summary>
public sealed record DurationSummary(int Count, double? MedianSeconds, double? P90Seconds)
{
    public static readonly DurationSummary None = new(0, null, null);

    /// <summary>The figures of one desk and kind, rounded to milliseconds.</summary>
    public static DurationSummary From(DurationRow row) => new(row.Count, Math.Round(row.Median, 3), Math.Round(row.P90, 3));
}

public sealed record DurationRow(string Desk, string Kind, int Count, double Median, double P90);

/// <summary>
/// Median and p90 of each desk's durations, computed by PostgreSQL over the <see cref="DeskDuration"/> rows:
/// <c>percentile_cont(0.5)</c> is the median (the mean of the two middle values for an even count) and
/// <c>percentile_disc(0.9)</c> the nearest-rank p90 (the smallest value with at least 90 % at or below it).
/// </summary>
public static class DeskDurations
{
    private static readonly string Sql = $"""
        select jsonb_build_object('desk', d.desk, 'kind', d.data ->> 'kind', 'count', count(*),
            'median', percentile_cont(0.5) within group (order by (d.data ->> 'seconds')::float8),
            'p90', percentile_disc(0.9) within group (order by (d.data ->> 'seconds')::float8))
        from {Infrastructure.Persistence.MartenSetup.Schema}.mt_doc_deskduration as d
        where (:desk = '' or d.desk = :desk)
        group by d.desk, d.data ->> 'kind'
        """;

    public static async Task<IReadOnlyList<DurationRow>> SummarizeAsync(IQuerySession session, string? desk, CancellationToken ct) =>
        await session.QueryAsync<DurationRow>(Sql, ct, new { desk = desk ?? "" });
}

public sealed record ReviewerApprovals(string Reviewer, string Name, int Approvals);

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
