using System.Collections.Immutable;
using Newsroom.Articles;

namespace Newsroom.Statistics;

/// <summary>
/// What a desk's workload and speed look like, kept by an async projection. The collections are immutable
/// and replaced on change: the daemon serializes a stored document on a background page while the
/// projection goes on applying later events of the same batch to the same instance, and a collection
/// mutated in place under that serializer fails the whole batch ("Collection was modified").
/// </summary>
public sealed class DeskStatistics
{
    /// <summary>The desk id.</summary>
    public string Id { get; set; } = "";
    public ImmutableDictionary<string, int> Counts { get; set; } = ImmutableDictionary<string, int>.Empty;
    public ImmutableDictionary<string, ReviewerTally> ApprovalsByReviewer { get; set; } =
        ImmutableDictionary<string, ReviewerTally>.Empty;

    public void Count(ArticleStatus status, int delta)
    {
        var key = status.ToWireName();
        Counts = Counts.SetItem(key, Counts.GetValueOrDefault(key) + delta);
    }

    public void CountApproval(string reviewerId, string reviewerName)
    {
        var approvals = ApprovalsByReviewer.TryGetValue(reviewerId, out var tally) ? tally.Approvals : 0;
        ApprovalsByReviewer = ApprovalsByReviewer.SetItem(reviewerId,
            new ReviewerTally { Name = tally?.Name ?? reviewerName, Approvals = approvals + 1 });
    }
}
