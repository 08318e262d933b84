using Marten;
using Marten.Events;
using Newsroom.Articles;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Bench;

/// <summary>
/// Fills the store with articles the fast way — events appended through the service's own store
/// configuration (inline article view, hash-chain links and all), not over HTTP — so the board and the
/// growth phase can be measured at 10 000 and 100 000 articles and the rebuild over 200 000+ events. Given
/// publications (id → connection string), it is configured as the service is with several (a database per
/// publication, ADR 0033) and seeds the publication named in <see cref="SeedAsync"/>.
/// </summary>
public sealed class Seeder(string connectionString, IReadOnlyDictionary<string, string>? publications = null) : IAsyncDisposable
{
    private readonly DocumentStore _store = DocumentStore.For(o =>
    {
        NewsroomStore.Configure(o, connectionString, migrateAtStartup: false);
        if (publications is { Count: > 0 })
            o.MultiTenantedDatabases(tenancy =>
            {
                foreach (var (id, database) in publications) tenancy.AddSingleTenantDatabase(database, id);
            });
    });
    private static readonly string[] Desks = ["world", "politics", "sport", "business"];
    private static readonly Actor Editor = new("seed-editor", "Seed Editor");

    public async Task SeedAsync(int articles, string? publication = null, int parallel = 4, int batch = 250)
    {
        var remaining = articles;
        var gate = new object();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async worker =>
        {
            while (true)
            {
                int take;
                lock (gate) { take = Math.Min(batch, remaining); remaining -= take; }
                if (take == 0) return;
                await using var session = publication is null ? _store.LightweightSession() : _store.LightweightSession(publication);
                for (var i = 0; i < take; i++)
                {
                    var n = Random.Shared.Next();
                    var id = Guid.CreateVersion7();
                    var at = DateTimeOffset.UtcNow.AddMinutes(-Random.Shared.Next(0, 60 * 24 * 30));
                    var desk = Desks[n % Desks.Length];
                    var content = new ArticleContent($"Seeded story {n} about the {desk} desk", "A standfirst.",
                        PgBench.Payload(), desk, ["Seed Editor"], ["seed"], null, [], "en", $"seeded-story-{id:N}", null, 4);
                    var events = new List<object>
                    {
                        new ArticleCreated(id, content, "bench", Editor, at),
                        new ArticleRevised(id, 2, new ContentChanges(Headline: content.Headline + " (updated)"), Editor, at.AddMinutes(5))
                    };
                    // An archive has more than drafts: every second article carries a comment, and about one in
                    // eight is published (so the public read model, the live-slug index and the audit log grow too).
                    if (n % 2 == 0) events.Add(new CommentAdded(id, Guid.CreateVersion7(), "A note for the desk.", Editor, at.AddMinutes(7)));
                    if (n % 3 == 0) events.Add(new SubmittedForReview(id, 2, null, Editor, at.AddMinutes(10)));
                    else if (n % 5 == 1)
                    {
                        events.Add(new SubmittedForReview(id, 2, null, Editor, at.AddMinutes(10)));
                        events.Add(new RevisionApproved(id, 2, null, Editor, at.AddMinutes(15)));
                        events.Add(new ArticlePublished(id, 2, content.Slug, Editor, at.AddMinutes(20)));
                    }
                    session.Events.StartStream<Article>(id, events.ToArray());
                }
                await session.SaveChangesAsync();
            }
        }));
    }

    public async Task<long> EventCountAsync()
    {
        var statistics = await _store.Advanced.FetchEventStoreStatistics();
        return statistics.EventCount;
    }

    /// <summary>Up to <paramref name="limit"/> values of one column (for phases run without the ones that create their data).</summary>
    public async Task<List<string>> SomeAsync(string column, string tableAndFilter, int limit, string? publication = null)
    {
        await using var session = publication is null ? _store.QuerySession() : _store.QuerySession(publication);
        var sql = $"select {column} from {MartenSetup.Schema}.{tableAndFilter} limit {limit}";
        return (await session.AdvancedSql.QueryAsync<string>(sql, CancellationToken.None)).ToList();
    }

    public async Task<long> CountAsync(string tableAndFilter, string? publication = null)
    {
        await using var session = publication is null ? _store.QuerySession() : _store.QuerySession(publication);
        var sql = $"select count(*) from {MartenSetup.Schema}.{tableAndFilter}";
        return (await session.AdvancedSql.QueryAsync<long>(sql, CancellationToken.None)).Single();
    }

    public async Task<long> ArticleCountAsync()
    {
        await using var session = _store.QuerySession();
        return await session.Query<Article>().CountAsync();
    }

    /// <summary>Until every async projection has processed every event, or the time is up.</summary>
    public async Task<TimeSpan> WaitForProjectionsAsync(TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await _store.WaitForNonStaleProjectionDataAsync(timeout);
        return started.Elapsed;
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
