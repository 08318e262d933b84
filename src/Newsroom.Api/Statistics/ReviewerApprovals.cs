namespace Newsroom.Statistics;

public sealed record ReviewerApprovals(string Reviewer, string Name, int Approvals);
