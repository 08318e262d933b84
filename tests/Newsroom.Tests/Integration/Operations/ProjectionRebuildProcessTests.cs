using Marten;
using Newsroom.Articles;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Statistics;
using Npgsql;

namespace Newsroom.Tests.Integration;

/// <summary>
/// <c>projections rebuild</c> as an operator runs it: a process of its own, with the service stopped, reading and
/// writing pages of 2 000 events that commit without waiting for the flush (ADR 0041). The store here holds
/// more than two such pages, so the pages' seams are crossed, and the rebuilt logs are checked against the
/// events themselves.
/// </summary>
public class rebuilding_projections_in_a_process_of_their_own
{
    private static readonly string[] Desks = ["world", "sport"];
    private static readonly Actor Editor = new("rebuild-editor", "Rebuild Editor");

    [Fact]
    public async Task rebuilds_the_audit_log_and_the_desk_statistics_from_every_event()
    {
        var database = await OwnDatabase.CreateAsync("rebuild");
        using var store = DocumentStore.For(o => NewsroomStore.Configure(o, database, migrateAtStartup: true));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        // 2 100 articles: created, revised, every third submitted: 4 900 events, two full pages and a part.
        const int articles = 2_100;
        for (var first = 0; first < articles; first += 300)
        {
            await using var session = store.LightweightSession();
            for (var i = first; i < Math.Min(first + 300, articles); i++)
            {
                var id = Guid.CreateVersion7();
                var at = DateTimeOffset.UtcNow.AddMinutes(-articles + i);
                var content = new ArticleContent($"Rebuilt story {i}", "A standfirst.", "A body.", Desks[i % Desks.Length],
                    ["Rebuild Editor"], [], null, [], "en", $"rebuilt-story-{i}", null, ArticleContent.DefaultPriority);
                var stream = new List<object>
                {
                    new ArticleCreated(id, content, "test", Editor, at),
                    new ArticleRevised(id, 2, new ContentChanges(Headline: content.Headline + " (updated)"), Editor, at.AddSeconds(5))
                };
                if (i % 3 == 0) stream.Add(new SubmittedForReview(id, 2, null, Editor, at.AddSeconds(10)));
                session.Events.StartStream<Article>(id, stream.ToArray());
            }
            await session.SaveChangesAsync();
        }

        foreach (var projection in new[] { "AuditLog", "DeskStatistics" })
        {
            var (exitCode, output) = await ServiceProcess.RunCommandAsync(database, "projections", "rebuild", "-p", projection);
            exitCode.ShouldBe(0, output);
        }

        // One audit entry per event, in the store's order, and the rebuild's progress at the last event.
        var events = await ColumnAsync(database, $"select seq_id from {MartenSetup.Schema}.mt_events order by seq_id");
        events.Count.ShouldBe(articles * 2 + articles / 3);
        (await ColumnAsync(database, $"select seq from {MartenSetup.Schema}.mt_doc_auditentry order by seq")).ShouldBe(events);
        (await ColumnAsync(database, $"select last_seq_id from {MartenSetup.Schema}.mt_event_progression where name = 'AuditLog:All'"))
            .ShouldBe([events[^1]]);

        // Every desk counts what its articles became, whichever page their events fell in.
        await using var query = store.QuerySession();
        foreach (var (desk, index) in Desks.Select((d, i) => (d, i)))
        {
            var ofDesk = Enumerable.Range(0, articles).Where(i => i % Desks.Length == index).ToList();
            var statistics = await query.LoadAsync<DeskStatistics>(desk);
            statistics.ShouldNotBeNull(desk);
            statistics.Counts.GetValueOrDefault("draft").ShouldBe(ofDesk.Count(i => i % 3 != 0), desk);
            statistics.Counts.GetValueOrDefault("in_review").ShouldBe(ofDesk.Count(i => i % 3 == 0), desk);
        }
    }

    private static async Task<List<long>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync()) values.Add(reader.GetInt64(0));
        return values;
    }
}
