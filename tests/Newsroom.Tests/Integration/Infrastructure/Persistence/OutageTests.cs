using System.Diagnostics;
using System.Net;
using Alba;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles;
using Newsroom.Infrastructure.Persistence;
using Npgsql;
using Xunit.Abstractions;

namespace Newsroom.Tests.Integration;

/// <summary>
/// A database outage: PostgreSQL is stopped under a running service and started again. While it is down every
/// request that needs it answers 503 <c>unavailable</c> with Retry-After, quickly; once it is back the same
/// service (no restart) writes again, fires the scheduled publication that fell due in the gap, catches its
/// projections up and delivers the webhook retry that was waiting. The cluster is the test's own, so the
/// shared test database is never stopped.
/// </summary>
public class surviving_a_database_outage(ITestOutputHelper output) : IAsyncLifetime
{
    // Above the 3 s connect timeout, far below Npgsql's 15 s default: a request that hangs fails this.
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    private LocalPostgres _pg = null!;
    private WebhookReceiver _receiver = null!;
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        _pg = await LocalPostgres.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
        _host = await AppFixture.StartHostAsync(_receiver, b =>
        {
            b.UseSetting("ConnectionStrings:Newsroom", _pg.ConnectionString());
            // The flaky subscriber refuses the first two attempts: the second is due while the database is down.
            b.UseSetting("Webhooks:RetryDelays", "2,2");
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
        await _pg.DisposeAsync();
    }

    [Fact]
    public async Task answers_503_during_the_outage_and_recovers_without_a_restart()
    {
        var api = new Api(_host);

        // Before: a published article whose flaky webhook waits for its retry, and a publication scheduled into the gap.
        var published = await api.Published();
        await Eventually.True(() => _receiver.For("flaky", published.Id()).Count >= 1, what: "the first (refused) flaky attempt");
        var approved = await api.Approved(content: Api.CompleteDraft("Harbour ferry timetable changes"));
        var scheduledId = approved.Id();
        var publishAt = DateTimeOffset.UtcNow.AddSeconds(3);
        await Api.Ok(api.Post($"/api/articles/{scheduledId}/schedule", Users.Paul, new { version = approved.Version(), publishAt }));
        var slug = (await Api.Ok(api.Get($"/api/articles/{scheduledId}", Users.Paul))).Str("slug");

        // Work caught in flight when the database goes: the public projection is held on a lock while it writes
        // the page of a publication, and the scheduled publication's handler is held on the article table at its
        // time. The shutdown then fails both in the middle of their transactions.
        var locks = new NpgsqlConnection(_pg.ConnectionString() + ";Pooling=false"); // dies with the server
        await locks.OpenAsync();
        await using (var hold = new NpgsqlCommand($"begin; lock table {MartenSetup.Schema}.mt_doc_publishedarticle in access exclusive mode", locks))
            await hold.ExecuteNonQueryAsync();
        var inFlight = await api.Published(content: Api.CompleteDraft("Tram depot opens to visitors"));
        await using (var hold = new NpgsqlCommand($"lock table {MartenSetup.Schema}.mt_doc_article in access exclusive mode", locks))
            await hold.ExecuteNonQueryAsync();
        var dueIn = publishAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (dueIn > TimeSpan.Zero) await Task.Delay(dueIn);

        await _pg.StopAsync();
        var down = Stopwatch.StartNew();
        // The article read above is in the node's copy (ADR 0039), trusted only while the node hears the database:
        // once its listener has lost the connection, a read goes to the database and answers 503 like the rest.
        await Eventually.True(() => !_host.Services.GetRequiredService<Newsroom.Articles.Reading.ArticleCache>().Trusted,
            TimeSpan.FromSeconds(5), "the node notices the database is gone");

        // Reads and writes, editorial and public: 503 unavailable with Retry-After, each answered quickly.
        var lost = "Written while the database was down";
        var requests = new (string What, Func<Task<Reply>> Call)[]
        {
            ("read an article", () => api.Get($"/api/articles/{scheduledId}", Users.Paul)),
            ("read the board", () => api.Get("/api/articles", Users.Alice)),
            ("create a draft", () => api.Post("/api/articles", Users.Alice, Api.CompleteDraft(lost))),
            ("revise", () => api.Patch($"/api/articles/{published.Id()}", Users.Alice, new { version = published.Version(), headline = lost })),
            ("public list", () => api.Get("/public/articles", null)),
            ("public page", () => api.Get($"/public/articles/{slug}", null)),
        };
        foreach (var (what, call) in requests)
        {
            var timer = Stopwatch.StartNew();
            var reply = await call();
            timer.Stop();
            output.WriteLine($"{what}: {(int)reply.Status} in {timer.ElapsedMilliseconds} ms");
            reply.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "unavailable");
            reply.RetryAfter.ShouldNotBeNullOrEmpty(what);
            timer.Elapsed.ShouldBeLessThan(Quick, what);
        }
        var ready = Stopwatch.StartNew();
        var notReady = (await api.Get("/health/ready", null)).ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "unavailable");
        notReady.Json.Str("detail").ShouldContain("database");
        notReady.RetryAfter.ShouldNotBeNullOrEmpty();
        ready.Elapsed.ShouldBeLessThan(Quick, "readiness");
        (await api.Get("/health/live", null)).Status.ShouldBe(HttpStatusCode.OK);

        // A server that accepts connections and never answers (a hung host, packets dropped): the connect
        // timeout bounds the wait, where Npgsql's default would hold each request 15 s.
        await using (var hung = await BlackHole.StartAsync(_pg.Port))
        {
            foreach (var (what, call) in new[] { requests[0], requests[2] }) // a read and a write
            {
                var timer = Stopwatch.StartNew();
                var reply = await call();
                output.WriteLine($"{what}, server not answering: {(int)reply.Status} in {timer.ElapsedMilliseconds} ms");
                reply.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "unavailable");
                timer.Elapsed.ShouldBeLessThan(Quick, what);
            }
        }

        (await api.Get($"/api/articles/{scheduledId}", Users.Paul)).ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "unavailable");

        try { await locks.DisposeAsync(); } catch (NpgsqlException) { /* ended by the shutdown */ }
        await _pg.RestartAsync();
        output.WriteLine($"database down for {down.ElapsedMilliseconds} ms");
        var up = Stopwatch.StartNew();

        // Writes work again (the first one may still meet a pooled connection the shutdown closed: 503, never 500).
        var created = await Eventually.Get(() => api.Post("/api/articles", Users.Alice, Api.CompleteDraft("Written after the outage")),
            r => r.Status != HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15), "a write after the outage");
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        output.WriteLine($"first successful write {up.ElapsedMilliseconds} ms after the database was back");

        // The publication that fell due in the gap fires, and the public side (async projection) shows it.
        await Eventually.Get(() => api.Get($"/api/articles/{scheduledId}", Users.Paul), r => r.Status == HttpStatusCode.OK && r.Json.Status() == "published",
            TimeSpan.FromSeconds(30), "the scheduled publication after the outage");
        output.WriteLine($"scheduled publication fired {up.ElapsedMilliseconds} ms after the database was back");
        await Eventually.Get(() => api.Get($"/public/articles/{slug}", null), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the public page of the scheduled article");
        output.WriteLine($"public page served {up.ElapsedMilliseconds} ms after the database was back");
        await Eventually.Get(() => api.Get($"/public/articles/{inFlight.Str("slug")}", null), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the public page of the publication the projection was writing when the database went");
        output.WriteLine($"interrupted projection caught up {up.ElapsedMilliseconds} ms after the database was back");

        // The webhook retry that was waiting is delivered; each subscriber got each event once.
        await Eventually.True(() => _receiver.For("flaky", published.Id()).Any(h => h.Accepted), TimeSpan.FromSeconds(30), "the flaky delivery after the outage");
        _receiver.For("steady", published.Id()).Count(h => h.Accepted).ShouldBe(1);
        await Eventually.True(() => _receiver.For("steady", scheduledId).Any(h => h.Accepted), TimeSpan.FromSeconds(30), "webhook of the scheduled publication");
        output.WriteLine($"webhooks delivered {up.ElapsedMilliseconds} ms after the database was back");

        // Every projection caught up, and readiness is back.
        await _host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await Eventually.Get(() => api.Get("/health/ready", null), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "readiness after the outage");
        output.WriteLine($"ready {up.ElapsedMilliseconds} ms after the database was back");

        // Nothing of the refused writes was written.
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<Article>().CountAsync(a => a.Content.Headline == lost)).ShouldBe(0);
        var audit = await Api.Ok(api.Get($"/api/articles/{published.Id()}", Users.Paul));
        audit.Version().ShouldBe(published.Version());
    }
}

/// <summary>Listens on a port, accepts every connection and never says a word.</summary>
internal sealed class BlackHole : IAsyncDisposable
{
    private readonly System.Net.Sockets.TcpListener _listener;
    private readonly List<System.Net.Sockets.TcpClient> _accepted = [];
    private readonly Task _loop;

    private BlackHole(int port)
    {
        _listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            try { while (true) { var client = await _listener.AcceptTcpClientAsync(); lock (_accepted) _accepted.Add(client); } }
            catch (Exception) { /* stopped */ }
        });
    }

    public static Task<BlackHole> StartAsync(int port) => Task.FromResult(new BlackHole(port));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        lock (_accepted) foreach (var client in _accepted) client.Dispose();
    }
}
