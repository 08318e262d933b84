using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Newsroom.Infrastructure.Persistence;
using Npgsql;
using Xunit.Abstractions;

namespace Newsroom.Tests.Integration;

/// <summary>
/// A crash under load: the real service runs as its own process, several writers drive articles through their
/// workflow over HTTP with real tokens, and the process is killed with SIGKILL in the middle of it. A new
/// process on the same database must have every write that was acknowledged (2xx), its projections must
/// converge (an audit entry per event, a public page per acknowledged publication) and every hash chain verify.
/// </summary>
public class surviving_a_crash(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 4;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await OwnDatabase.CreateAsync("crash");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What the writers were told: the version each acknowledged write reached, and the acknowledged publications.</summary>
    private sealed record Acknowledged(Guid Id, int Version, string? PublishedSlug);

    [Fact]
    public async Task every_acknowledged_write_survives_a_sigkill_and_the_projections_converge()
    {
        var acknowledged = new ConcurrentDictionary<Guid, Acknowledged>();
        var unexpected = new ConcurrentQueue<string>();
        var writes = 0;

        var timer = Stopwatch.StartNew();
        await using (var first = await ServiceProcess.StartAsync(_connectionString))
        {
            output.WriteLine($"first process ready after {timer.ElapsedMilliseconds} ms");
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(n => Task.Run(() =>
                WriteAsync(first.BaseUrl, n, acknowledged, unexpected, () => Interlocked.Increment(ref writes), stop.Token))).ToArray();

            // Kill in the middle of the load, once there is a fair amount acknowledged, publications included.
            await Eventually.True(() => writes >= 60 && acknowledged.Values.Count(a => a.PublishedSlug != null) >= 4,
                TimeSpan.FromSeconds(60), "acknowledged writes under load");
            await first.KillAsync();
            output.WriteLine($"killed after {writes} acknowledged writes on {acknowledged.Count} articles");
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        unexpected.ShouldBeEmpty();

        timer.Restart();
        await using var second = await ServiceProcess.StartAsync(_connectionString);
        output.WriteLine($"second process ready after {timer.ElapsedMilliseconds} ms");
        try
        {
            await AssertRecoveredAsync(second, acknowledged, timer);
        }
        catch
        {
            output.WriteLine("The second process's log:\n" + second.Log);
            throw;
        }
    }

    private async Task AssertRecoveredAsync(ServiceProcess second, ConcurrentDictionary<Guid, Acknowledged> acknowledged, Stopwatch timer)
    {
        using var http = new HttpClient { BaseAddress = second.BaseUrl };

        // Every acknowledged write is there (a write that was not acknowledged may or may not be).
        foreach (var ack in acknowledged.Values)
        {
            var article = await GetJson(http, $"api/articles/{ack.Id}", Users.Paul);
            article.Version().ShouldBeGreaterThanOrEqualTo(ack.Version, $"article {ack.Id}");
            if (ack.PublishedSlug != null) article.Status().ShouldBe("published");
        }

        // The async projections converge: one audit entry per event, a public page per acknowledged publication.
        // Not at once: Wolverine moves the projections off the killed node once its heartbeat is 20 s old, and
        // one of them sometimes only after it gave up waiting for the dead node to confirm a stop (about 64 s;
        // operations.md, "Background work and restarts").
        await Eventually.Get(() => CountsAsync(), c => c.Events == c.AuditEntries, TimeSpan.FromSeconds(90), "the audit log to catch up");
        output.WriteLine($"audit log caught up {timer.ElapsedMilliseconds} ms after the restart began");
        foreach (var ack in acknowledged.Values.Where(a => a.PublishedSlug != null))
            await Eventually.Get(() => http.GetAsync($"public/articles/{ack.PublishedSlug}"), r => r.StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(90), $"the public page {ack.PublishedSlug}");
        output.WriteLine($"projections converged {timer.ElapsedMilliseconds} ms after the restart began");

        // And every chain verifies.
        foreach (var ack in acknowledged.Values)
        {
            var verification = await GetJson(http, $"api/articles/{ack.Id}/verify", Users.Aude);
            verification["valid"]!.GetValue<bool>().ShouldBeTrue(verification.ToJsonString());
        }
    }

    private async Task<(long Events, long AuditEntries)> CountsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            // Marten appends a "tombstone" event for the sequence numbers of a save that failed (a request cancelled
            // mid-commit when the load stops, say); no projection sees it, so it has no audit entry.
            $"select (select count(*) from {MartenSetup.Schema}.mt_events where type <> 'tombstone'), (select count(*) from {MartenSetup.Schema}.mt_doc_auditentry)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<JsonObject> GetJson(HttpClient http, string url, TestUser user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token());
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// One writer: drafts an article, revises it, submits, approves and publishes it, again and again. Each 2xx is
    /// recorded as acknowledged; a failed connection (the kill) ends the writer; any other answer is unexpected.
    /// </summary>
    private static async Task WriteAsync(Uri baseUrl, int writer, ConcurrentDictionary<Guid, Acknowledged> acknowledged,
        ConcurrentQueue<string> unexpected, Func<int> counted, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
        async Task<JsonObject?> Send(HttpMethod method, string url, TestUser user, object body, HttpStatusCode expected)
        {
            using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token());
            try
            {
                using var response = await http.SendAsync(request, stop);
                var text = await response.Content.ReadAsStringAsync(stop);
                if (response.StatusCode != expected)
                {
                    unexpected.Enqueue($"{method} {url}: {(int)response.StatusCode} {text}");
                    return null;
                }
                return JsonNode.Parse(text)!.AsObject();
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                return null; // the process was killed under this request: not acknowledged
            }
        }

        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var headline = $"Writer {writer} story {round}";
            var draft = await Send(HttpMethod.Post, "api/articles", Users.Alice, Api.CompleteDraft(headline), HttpStatusCode.Created);
            if (draft is null) return;
            var id = draft.Id();
            acknowledged[id] = new Acknowledged(id, draft.Version(), null); counted();

            var revised = await Send(HttpMethod.Patch, $"api/articles/{id}", Users.Alice,
                new { version = draft.Version(), standfirst = $"Revised by writer {writer}." }, HttpStatusCode.OK);
            if (revised is null) return;
            acknowledged[id] = new Acknowledged(id, revised.Version(), null); counted();

            var submitted = await Send(HttpMethod.Post, $"api/articles/{id}/submit", Users.Alice, new { version = revised.Version() }, HttpStatusCode.OK);
            if (submitted is null) return;
            acknowledged[id] = new Acknowledged(id, submitted.Version(), null); counted();

            var approved = await Send(HttpMethod.Post, $"api/articles/{id}/approve", Users.Rita,
                new { version = submitted.Version(), revision = submitted.Revision() }, HttpStatusCode.OK);
            if (approved is null) return;
            acknowledged[id] = new Acknowledged(id, approved.Version(), null); counted();

            var published = await Send(HttpMethod.Post, $"api/articles/{id}/publish", Users.Paul, new { version = approved.Version() }, HttpStatusCode.OK);
            if (published is null) return;
            acknowledged[id] = new Acknowledged(id, published.Version(), published.Str("slug")); counted();
        }
    }
}
