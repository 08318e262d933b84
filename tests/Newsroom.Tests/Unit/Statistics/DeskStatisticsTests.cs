using System.Text.Json;
using Newsroom.Articles;
using Newsroom.Statistics;

namespace Newsroom.Tests.Unit;

public class when_a_desk_document_changes_while_it_is_being_serialized
{
    // The async daemon serializes a stored document on a background page while the projection applies later
    // events of the same batch to the same instance. With in-place dictionaries this loop failed every time
    // with "Collection was modified" (checked before the change), as the daemon's batches did under load.
    [Fact]
    public async Task serializing_never_sees_a_collection_being_modified_and_the_counts_add_up()
    {
        var desk = new DeskStatistics { Id = "politics" };
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var statuses = Enum.GetValues<ArticleStatus>();
        using var stop = new CancellationTokenSource();
        var snapshots = 0;

        var serializer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                JsonSerializer.Serialize(desk, json);
                Interlocked.Increment(ref snapshots);
            }
        });

        var changes = 0;
        // At least 1 000 changes, however fast the serializer gets its 100 snapshots (on a busy machine it once got
        // them all before the first change, and the test then asserted on an empty document).
        for (; (Volatile.Read(ref snapshots) < 100 || changes < 1_000) && changes < 100_000; changes++)
        {
            desk.CountApproval($"reviewer-{changes}", $"Reviewer {changes}");
            desk.CountApproval("reviewer-0", "Reviewer 0");
            desk.Count(statuses[changes % statuses.Length], +1);
        }
        stop.Cancel();
        await serializer;

        var copy = JsonSerializer.Deserialize<DeskStatistics>(JsonSerializer.Serialize(desk, json), json)!;
        copy.ApprovalsByReviewer.Count.ShouldBe(changes);
        copy.ApprovalsByReviewer["reviewer-0"].ShouldBe(new ReviewerTally { Name = "Reviewer 0", Approvals = changes + 1 });
        copy.ApprovalsByReviewer.Values.Sum(t => t.Approvals).ShouldBe(2 * changes);
        copy.Counts.Values.Sum().ShouldBe(changes);
    }
}
