namespace Newsroom.Statistics;

public sealed record DeskStatisticsResponse(string Desk, IReadOnlyDictionary<string, int> Counts, DurationSummary SubmissionToApproval,
    DurationSummary CreationToPublication, IReadOnlyList<ReviewerApprovals> ApprovalsPerReviewer);
