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
