using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newsroom.Bench;
using Newsroom.Infrastructure.Identity;

// The benchmark driver. bench/run.sh starts PostgreSQL and builds the service; this measures, in one run on
// one machine: the pgbench baseline, then the service over HTTP against that same database, and writes the table.
var options = Options.Parse(args);
Directory.CreateDirectory(options.Work);   // also when --phases skips pgbench, which used to create it
var seconds = TimeSpan.FromSeconds(options.Seconds);
var results = new List<Measurement>();
// The pool is sized for the database's two cores, as an operator would (docs/operations.md); why, in
// figures: docs/performance.md.
var connectionString = $"Host={options.PgHost};Port={options.PgPort};Username=postgres;Database=postgres;Maximum Pool Size={options.PoolSize}";
var facts = new List<(string Name, string Value, string Target, bool? Met)>();
void Fact(string name, string value, string target = "", bool? met = null) { facts.Add((name, value, target, met)); Console.WriteLine($"  {name}: {value}"); }
void Record(Measurement m)
{
    results.Add(m);
    Console.WriteLine($"  {m.Name}: {m.Throughput:F0}/s p50 {m.P50Ms:F1} ms p99 {m.P99Ms:F1} ms ({m.Errors} errors){(m.Cpu is null ? "" : "; " + m.Cpu)}");
    foreach (var line in m.Statements ?? []) Console.WriteLine("    " + line);
}
// --phases picks a subset for quick iterations (e.g. --phases board,write); a full run measures everything.
bool Runs(string phase) => options.Phases.Count == 0 || options.Phases.Contains(phase);
// Runs a load phase and notes how busy each process kept the CPU meanwhile.
// The service's peak RSS (VmHWM) after each step, so the report can say which step raised it.
var rssSteps = new List<(string Step, double PeakMb)>();
void NoteRss(Service service, string step)
{
    try { rssSteps.Add((step, service.PeakRssMb())); } catch (IOException) { /* the service has exited */ }
}

async Task<Measurement> Phase(Service service, Func<Task<Measurement>> run)
{
    var before = CpuSnapshot.Take(service.Pid);
    var jitBefore = await service.JitSecondsAsync();
    var rowsBefore = await RowsWrittenAsync();
    if (options.Profile) await Statements.ResetAsync(connectionString);
    var m = await run();
    var rows = await RowsWrittenAsync() - rowsBefore;
    var perOp = m.Operations == 0 ? 0 : rows / (double)m.Operations;
    var statements = options.Profile ? await Statements.TopAsync(connectionString, m.Operations) : null;
    var used = CpuSnapshot.Take(service.Pid).Since(before);
    var jit = await service.JitSecondsAsync() - jitBefore;
    NoteRss(service, m.Name);
    return m with
    {
        Cpu = used.Describe(m.Seconds) + $"; rows written per operation (incl. async projections) {perOp:F1}"
              + (jit is { } compiling ? $"; the service's JIT compiled for {compiling:F1} s" : ""),
        Statements = statements,
        ServiceCpuMsPerOp = m.Operations == 0 ? null : used.Service * 1000 / m.Operations,
        PostgresCpuMsPerOp = m.Operations == 0 ? null : used.Postgres * 1000 / m.Operations
    };
}

// Rows inserted, updated and deleted in the cluster's databases (pg_stat_database): the write amplification. All of
// them, since with several publications a command writes to its publication's database.
async Task<long> RowsWrittenAsync()
{
    await using var connection = new Npgsql.NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var flush = new Npgsql.NpgsqlCommand("select pg_stat_force_next_flush()", connection)) await flush.ExecuteNonQueryAsync();
    await using var command = new Npgsql.NpgsqlCommand(
        "select sum(tup_inserted + tup_updated + tup_deleted)::bigint from pg_stat_database", connection);
    return (long)(await command.ExecuteScalarAsync())!;
}

// PostgreSQL's CPU is that of this cluster's processes: the postmaster is the parent of any backend.
await using (var probe = new Npgsql.NpgsqlConnection(connectionString))
{
    await probe.OpenAsync();
    await using var pid = new Npgsql.NpgsqlCommand("select pg_backend_pid()", probe);
    CpuSnapshot.Postmaster = CpuSnapshot.ParentOf((int)(await pid.ExecuteScalarAsync())!);
}

Measurement? append = null, select = null;
if (Runs("pgbench"))
{
        Console.WriteLine("== 1. PostgreSQL baseline (pgbench)");
        (append, select) = await PgBench.RunAsync(options.PgHost, options.PgPort, Path.Combine(options.Work, "pgbench"), options.PgbenchClients, options.Seconds);
        Record(append);
        Record(select);
}

Console.WriteLine("== 2. Schema (as production applies it: before start-up, not by the service)");
var signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
var environment = new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["ConnectionStrings__Newsroom"] = connectionString,
    ["Auth__SigningKey"] = signingKey,
    ["RateLimiting__PermitsPerMinute"] = "0",
    ["Newsroom__PublicBaseUrl"] = "https://news.example/",
    ["Logging__LogLevel__Default"] = "Warning"
};
await Exec("dotnet", $"{options.App} resources setup", environment);

var auth = new AuthOptions { SigningKey = signingKey };
// A token for the single-database service, or (publication) for one of several publications.
string Token(string sub, string role, string[] desks, string? publication = null) =>
    TokenIssuer.Issue(auth, true, sub, sub, [role], desks, TimeSpan.FromHours(6), publication: publication);
string[] Editors(string? publication = null) =>
    Enumerable.Range(0, options.Clients).Select(i => Token($"editor{i}", "editor", ["world"], publication)).ToArray();
var editor = Editors();
var reviewer = Token("reviewer", "reviewer", ["world"]);
var publisher = Token("publisher", "publisher", []);
var boardReader = Token("board-editor", "editor", ["world", "politics"]);

Console.WriteLine("== 3. Cold start (process start to first successful authenticated request)");
await using var service = new Service(options.Port, options.Clients);
// The pgbench phase made the work folder; a --phases run without it must make it here.
Directory.CreateDirectory(options.Work);
var coldStart = await service.StartAsync(options.App, environment, Path.Combine(options.Work, "service.log"), boardReader);
Fact("Cold start to first successful request", $"{coldStart.TotalSeconds:F2} s", "< 3 s", coldStart.TotalSeconds < 3);
NoteRss(service, "start-up");

await using var seeder = new Seeder(connectionString);
object Draft(int worker, long i) => new
{
    headline = $"Benchmark story {worker}-{i}", desk = "world", byline = new[] { "Bench Writer" },
    body = string.Join(' ', Enumerable.Repeat("The delegation will attend ceremonies in Pyongyang on Thursday.", 12))
};
var growth = new List<GrowthPoint>();
foreach (var target in Runs("board") || Runs("growth") ? new[] { options.SmallBoard, options.LargeBoard } : [])
{
    if (Runs("growth") && growth.Count == 0 && target == options.SmallBoard)
    {
        // Before the first size is seeded: its figures would otherwise include the service's warm-up (JIT,
        // pools, caches) and the larger archive's would not.
        var warm = TimeSpan.FromSeconds(options.Seconds);
        await WarmUpCommandsAsync(service, editor);
        await Load.RunAsync("warm-up", options.Clients, warm, async (_, _) => await service.GetOkAsync("/api/articles?status=in_review&desk=world&limit=50", boardReader));
    }
    Console.WriteLine($"== 4. Board query at {target:N0} articles");
    var seedTimer = Stopwatch.StartNew();
    var missing = target - (int)await seeder.ArticleCountAsync();
    if (missing > 0) await seeder.SeedAsync(missing);
    Console.WriteLine($"  seeded {missing:N0} articles in {seedTimer.Elapsed.TotalSeconds:F1} s; waiting for the async projections");
    var caughtUp = await seeder.WaitForProjectionsAsync(TimeSpan.FromMinutes(10));
    Console.WriteLine($"  projections caught up {caughtUp.TotalSeconds:F1} s later");
    NoteRss(service, $"the async projections catching up with {missing:N0} seeded articles ({target:N0} in all)");
    // What autovacuum and the checkpointer would do after a bulk load, done now, so that neither the plans
    // nor the measured latencies depend on when they happen to run.
    await PgBench.Psql(options.PgHost, options.PgPort, "postgres", "vacuum (analyze); checkpoint;");
    // The board first: the growth phase's creations add thousands of articles to the smaller archive.
    if (Runs("board")) await MeasureBoard(target);
    if (Runs("growth")) growth.Add(await MeasureGrowth(target));
}

async Task MeasureBoard(int target)
{
    var board = await Phase(service, () => Load.RunAsync($"Board query (status+desk filter) at {target:N0} articles", options.Clients, seconds,
        async (_, _) => await service.GetOkAsync("/api/articles?status=in_review&desk=world&limit=50", boardReader)));
    Record(board);
    if (target == options.LargeBoard)
    {
        Fact($"Board p99 at {target:N0} articles, {options.Clients} clients", $"{board.P99Ms:F1} ms", "< 50 ms", board.P99Ms < 50);
        // The same query at pgbench's concurrency: the latency of the query itself, less the queueing of the phase's clients (32 by default) on 2 cores.
        var calm = await Phase(service, () => Load.RunAsync($"Board query (status+desk filter) at {target:N0} articles, {options.PgbenchClients} clients",
            options.PgbenchClients, seconds, async (_, _) => await service.GetOkAsync("/api/articles?status=in_review&desk=world&limit=50", boardReader)));
        Record(calm);
        Fact($"Board p99 at {target:N0} articles, {options.PgbenchClients} clients", $"{calm.P99Ms:F1} ms", "< 50 ms", calm.P99Ms < 50);
    }
}

var growthSections = "";
if (growth.Count == 2)
{
    foreach (var (name, value) in Growth.Compare(growth[0], growth[1])) Fact(name, value);
    growthSections = Growth.Statements(growth[0], growth[1]);
}

Console.WriteLine("== 5. Commands and reads");
var created = new ConcurrentBag<Guid>();
if (Runs("write"))
{
    // When nothing ran before (--phases), the first phase would carry the service's warm-up (JIT, pools, caches).
    if (!Runs("board") && !Runs("growth")) await WarmUpCommandsAsync(service, editor);
    var create = await Phase(service, () => Load.RunAsync("(a) Create draft", options.Clients, seconds, async (w, i) =>
    {
        var r = await service.SendAsync(HttpMethod.Post, "/api/articles", editor[w], Draft(w, i));
        if (r.Ok) created.Add(Guid.Parse(r.Json!["id"]!.GetValue<string>()));
        return r.Ok;
    }));
    Record(create);

    var mine = new (Guid Id, int Version)[options.Clients];
    var revise = await Phase(service, () => Load.RunAsync("(b) Revise own draft (correct version)", options.Clients, seconds, async (w, i) =>
    {
        var r = await service.SendAsync(HttpMethod.Patch, $"/api/articles/{mine[w].Id}", editor[w],
            new { version = mine[w].Version, standfirst = $"Standfirst {i}" });
        if (r.Ok) mine[w].Version = r.Json!["version"]!.GetValue<int>();
        return r.Ok;
    }, prepare: async w =>
    {
        var r = await service.SendAsync(HttpMethod.Post, "/api/articles", editor[w], Draft(w, -1));
        mine[w] = (Guid.Parse(r.Json!["id"]!.GetValue<string>()), r.Json!["version"]!.GetValue<int>());
    }));
    Record(revise);
}

// Many drafts under one headline: the n-th gets "slug-n". Slug allocation is meant to cost the same for the
// 10 000th as for the first (a per-headline counter, ADR 0023). The same number of drafts with distinct
// headlines follows at once, measured the same way, as the reference: (a) ran earlier, right after start-up,
// and on a shared machine only figures measured side by side compare.
if (Runs("same-headline"))
{
    var total = options.SameHeadline;
    // Creates `total` drafts on all clients; the completion time of each, in completion order, and the slugs.
    async Task<(Measurement Result, long[] Done, List<string> Slugs)> CreateMany(string name, Func<long, string> headline)
    {
        var done = new long[total];
        var made = new ConcurrentBag<string>();
        var latencies = new ConcurrentBag<double>();
        var issued = -1L;
        var finished = -1L;
        var errors = 0L;
        var m = await Phase(service, async () =>
        {
            var started = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async w =>
            {
                long n;
                while ((n = Interlocked.Increment(ref issued)) < total)
                {
                    var t = Stopwatch.GetTimestamp();
                    var r = await service.SendAsync(HttpMethod.Post, "/api/articles", editor[w], new
                    {
                        headline = headline(n), desk = "world", byline = new[] { "Bench Writer" },
                        body = string.Join(' ', Enumerable.Repeat("The delegation will attend ceremonies in Pyongyang on Thursday.", 12))
                    });
                    if (!r.Ok) { Interlocked.Increment(ref errors); continue; }
                    latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    made.Add(r.Json!["slug"]!.GetValue<string>());
                    done[Interlocked.Increment(ref finished)] = started.ElapsedTicks;
                }
            }));
            return Measurement.From(name, options.Clients, started.Elapsed.TotalSeconds, latencies.ToList(), errors);
        });
        Record(m);
        return (m, done, made.ToList());
    }
    // Operations per second between the from-th and the to-th completion.
    double RateOf(long[] done, int from, int to) => (to - from) / ((done[to - 1] - (from == 0 ? 0 : done[from - 1])) / (double)Stopwatch.Frequency);

    var same = await CreateMany($"(a) Create draft, one headline × {total:N0}", _ => "Storm warning for the whole coast");
    var distinct = await CreateMany($"(a) Create draft, distinct headlines × {total:N0} (reference)", n => $"Distinct benchmark headline {n}");
    var completed = (int)Math.Min(same.Result.Operations, distinct.Result.Operations);
    var block = Math.Min(1000, completed / 2);
    if (block > 0)
    {
        var first = RateOf(same.Done, 0, block);
        var last = RateOf(same.Done, (int)same.Result.Operations - block, (int)same.Result.Operations);
        var reference = RateOf(distinct.Done, (int)distinct.Result.Operations - block, (int)distinct.Result.Operations);
        Fact($"Same-headline create rate, first {block:N0} / last {block:N0} of {same.Result.Operations:N0}",
            $"{first:F0} / {last:F0} per s (last ÷ first {last / first:P0})", "last ≥ 90 % of first", last >= 0.9 * first);
        Fact($"Same-headline vs distinct headlines, last {block:N0} each (overall rates)",
            $"{last:F0} vs {reference:F0} per s ({last / reference:P0}; overall {same.Result.Throughput:F0} vs {distinct.Result.Throughput:F0})",
            "≥ 90 %", last >= 0.9 * reference);
    }
    // Every thousand, for both: on a shared machine one block can be slowed by a neighbour; a trend cannot.
    string Blocks(long[] done, long count) => string.Join(" · ", Enumerable.Range(0, (int)(count / 1000))
        .Select(k => RateOf(done, k * 1000, (k + 1) * 1000).ToString("F0", CultureInfo.InvariantCulture)));
    Fact("Same-headline creations per s, each thousand in turn", Blocks(same.Done, same.Result.Operations));
    Fact("Distinct-headline creations per s, each thousand in turn", Blocks(distinct.Done, distinct.Result.Operations));
    var distinctSlugs = same.Slugs.Distinct().Count();
    Fact("Same-headline slugs distinct", $"{distinctSlugs:N0} distinct of {same.Slugs.Count:N0}", "all", distinctSlugs == same.Slugs.Count);
}

// Reads are measured on a settled system: the daemon first works off what the write phases appended.
async Task Settle(string before)
{
    if (await seeder.EventCountAsync() == 0) return;   // a --phases run that appended nothing
    var t = await seeder.WaitForProjectionsAsync(TimeSpan.FromMinutes(5));
    // How far the async projections fell behind the commands: what the write phases left them to do.
    Fact($"Async projections caught up after {before}", $"{t.TotalSeconds:F1} s");
}
await Settle("the write phases");
// Without the write phases (--phases), any articles will do.
var ids = created.IsEmpty ? (await seeder.SomeAsync("id::text", "mt_doc_article", 2000)).Select(Guid.Parse).ToArray() : created.ToArray();
if (Runs("get"))
    Record(await Phase(service, () => Load.RunAsync("(c) GET article", options.Clients, seconds,
        async (w, i) => await service.GetOkAsync($"/api/articles/{ids[(int)((i * 7919 + w) % ids.Length)]}", editor[w]))));

var slugs = new ConcurrentBag<string>();
var lags = new ConcurrentBag<double>();
var lagProbes = new ConcurrentBag<Task>();
if (Runs("story"))
{
    var story = await Phase(service, () => Load.RunAsync("(f) Full story: create, submit, approve, publish", options.Clients, seconds, async (w, i) =>
    {
        var draft = await service.SendAsync(HttpMethod.Post, "/api/articles", editor[w], Draft(w, i));
        if (!draft.Ok) return false;
        var id = draft.Json!["id"]!.GetValue<string>();
        var submitted = await service.SendAsync(HttpMethod.Post, $"/api/articles/{id}/submit", editor[w], new { version = 1 });
        if (!submitted.Ok) return false;
        var approved = await service.SendAsync(HttpMethod.Post, $"/api/articles/{id}/approve", reviewer, new { version = 2, revision = 1 });
        if (!approved.Ok) return false;
        var published = await service.SendAsync(HttpMethod.Post, $"/api/articles/{id}/publish", publisher, new { version = 3 });
        if (!published.Ok) return false;
        var slug = published.Json!["slug"]!.GetValue<string>();
        slugs.Add(slug);
        if (i % 2 == 0) lagProbes.Add(MeasureLag(slug));
        return true;
    }, note: "4 requests per story"));
    Record(story);
    await Task.WhenAll(lagProbes);
    var lagList = lags.ToList();
    lagList.Sort();
    var lagP99 = Measurement.Percentile(lagList, 0.99);
    Fact("Publish-to-public-page lag under load (p50 / p99)",
        $"{Measurement.Percentile(lagList, 0.5):F0} / {lagP99:F0} ms over {lagList.Count} publications", "p99 < 1 s", lagP99 < 1000);
}

await Settle("the story phase");
var published_ = slugs.IsEmpty ? (await seeder.SomeAsync("slug", "mt_doc_publishedarticle where published_at is not null", 2000)).ToArray() : slugs.ToArray();
if (Runs("public") && published_.Length > 0)
    Record(await Phase(service, () => Load.RunAsync("(d) GET public article page", options.Clients, seconds,
        async (w, i) => await service.GetOkAsync($"/public/articles/{published_[(int)((i * 7919 + w) % published_.Length)]}", null))));
// The reader's site: the same article URLs as a browser asks for them (HTML, from the same page cache), and the front page.
if (Runs("reader") && published_.Length > 0)
{
    Record(await Phase(service, () => Load.RunAsync("(g) GET reader's article page (HTML)", options.Clients, seconds,
        async (w, i) => await service.GetHtmlOkAsync($"/public/articles/{published_[(int)((i * 7919 + w) % published_.Length)]}"))));
    Record(await Phase(service, () => Load.RunAsync("(h) GET reader's front page (HTML)", options.Clients, seconds,
        async (w, i) => await service.GetHtmlOkAsync("/"))));
}

if (Runs("long"))
{
    Console.WriteLine("== 6. Command latency on an article with 1 000 revisions versus 1");
    var longOne = await service.SendAsync(HttpMethod.Post, "/api/articles", editor[0], Draft(0, -2));
    var longId = longOne.Json!["id"]!.GetValue<string>();
    var longVersion = 1;
    for (var r = 0; r < 999; r++)
        longVersion = (await service.SendAsync(HttpMethod.Patch, $"/api/articles/{longId}", editor[0], new { version = longVersion, standfirst = $"Rev {r}" })).Json!["version"]!.GetValue<int>();
    var shortOne = await service.SendAsync(HttpMethod.Post, "/api/articles", editor[1], Draft(1, -2));
    var shortId = shortOne.Json!["id"]!.GetValue<string>();
    var shortVersion = 1;
    var longLatency = new List<double>();
    var shortLatency = new List<double>();
    for (var r = 0; r < 300; r++)
    {
        var t = Stopwatch.GetTimestamp();
        longVersion = (await service.SendAsync(HttpMethod.Patch, $"/api/articles/{longId}", editor[0], new { version = longVersion, standfirst = $"Long {r}" })).Json!["version"]!.GetValue<int>();
        longLatency.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        t = Stopwatch.GetTimestamp();
        shortVersion = (await service.SendAsync(HttpMethod.Patch, $"/api/articles/{shortId}", editor[1], new { version = shortVersion, standfirst = $"Short {r}" })).Json!["version"]!.GetValue<int>();
        shortLatency.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
}
longLatency.Sort();
shortLatency.Sort();
var ratio = Measurement.Percentile(longLatency, 0.5) / Measurement.Percentile(shortLatency, 0.5);
Fact("Revise latency p50: 1 000+ revisions vs 1", $"{Measurement.Percentile(longLatency, 0.5):F2} ms vs {Measurement.Percentile(shortLatency, 0.5):F2} ms (×{ratio:F2})", "≤ 1.2×", ratio <= 1.2);
Fact("Revise latency p99: 1 000+ revisions vs 1", $"{Measurement.Percentile(longLatency, 0.99):F2} ms vs {Measurement.Percentile(shortLatency, 0.99):F2} ms");
}

if (Runs("comments"))
{
    // Internal notes are kept with their article, so a command or read whose cost grew with them would show here:
    // the same operations on articles with 1, 100 and 1 000 comments, interleaved so that the machine's drift
    // falls on all three alike.
    Console.WriteLine("== 6b. Commands and reads on an article with 1 000 comments, 100 and 1");
    int[] counts = [1, 100, 1000];
    var noted = new (string Id, int Version)[counts.Length];
    for (var a = 0; a < counts.Length; a++)
    {
        var draft = await service.SendAsync(HttpMethod.Post, "/api/articles", editor[a], Draft(a, -3));
        noted[a] = (draft.Json!["id"]!.GetValue<string>(), draft.Json!["version"]!.GetValue<int>());
        for (var c = 0; c < counts[a]; c++)
            if (!(await service.SendAsync(HttpMethod.Post, $"/api/articles/{noted[a].Id}/comments", editor[a],
                    new { text = $"Note {c}: @bench-reviewer please check the second paragraph against the agency copy." })).Ok)
                throw new InvalidOperationException($"Adding comment {c} to {noted[a].Id} failed.");
        noted[a].Version = (await service.SendAsync(HttpMethod.Get, $"/api/articles/{noted[a].Id}", editor[a])).Json!["version"]!.GetValue<int>();
    }
    var latency = counts.Select(_ => (Revise: new List<double>(), Comment: new List<double>(), Get: new List<double>())).ToArray();
    for (var r = 0; r < 200; r++)
        for (var a = 0; a < counts.Length; a++)
        {
            var t = Stopwatch.GetTimestamp();
            var revised = await service.SendAsync(HttpMethod.Patch, $"/api/articles/{noted[a].Id}", editor[a], new { version = noted[a].Version, standfirst = $"Noted {r}" });
            latency[a].Revise.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (!revised.Ok) throw new InvalidOperationException($"Revising {noted[a].Id} at version {noted[a].Version} failed.");
            noted[a].Version = revised.Json!["version"]!.GetValue<int>();
            t = Stopwatch.GetTimestamp();
            var comment = await service.SendAsync(HttpMethod.Post, $"/api/articles/{noted[a].Id}/comments", editor[a], new { text = $"Round {r}." });
            latency[a].Comment.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (!comment.Ok) throw new InvalidOperationException($"Commenting on {noted[a].Id} failed.");
            noted[a].Version++;   // a comment is an event on the article's stream
            t = Stopwatch.GetTimestamp();
            await service.GetOkAsync($"/api/articles/{noted[a].Id}", editor[a]);
            latency[a].Get.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
    foreach (var (operation, pick) in new (string, Func<(List<double> Revise, List<double> Comment, List<double> Get), List<double>>)[]
             { ("Revise", l => l.Revise), ("Add a comment", l => l.Comment), ("GET article", l => l.Get) })
    {
        var p50 = latency.Select(l => { var sorted = pick(l); sorted.Sort(); return Measurement.Percentile(sorted, 0.5); }).ToArray();
        var tenfold = p50[2] / p50[1];
        Fact($"{operation} latency p50: 1 000+ comments vs 100+ vs 1+",
            $"{p50[2]:F2} ms vs {p50[1]:F2} ms vs {p50[0]:F2} ms (×{tenfold:F2} for ten times the comments, ×{p50[2] / p50[0]:F2} against one)",
            "≤ 1.2× for ten times the comments", tenfold <= 1.2);
    }
}

var rss = service.PeakRssMb();
Fact("Peak RSS of the service", $"{rss:F0} MB", "< 300 MB", rss < 300);
// Which steps raised the peak: the three largest rises, each with the peak after it.
var rises = rssSteps.Skip(1).Select((step, i) => (step.Step, step.PeakMb, Rise: step.PeakMb - rssSteps[i].PeakMb))
    .Where(r => r.Rise >= 1).OrderByDescending(r => r.Rise).Take(3).ToList();
if (rises.Count > 0)
    Fact("Peak RSS raised most by", string.Join("; ", rises.Select(r => $"{r.Step}: +{r.Rise:F0} MB to {r.PeakMb:F0} MB")));
await service.DisposeAsync();

Console.WriteLine("== 7. Projection rebuild speed (service stopped)");
var events = await seeder.EventCountAsync();
// Each projection asks only for the event types it handles; how many of the store's events that is.
var eventsRead = new Dictionary<string, string>
{
    ["PublishedArticle"] = "'article_published','article_corrected','article_withdrawn'",
    ["AuditLog"] = "",
    ["DeskStatistics"] = ""
};
foreach (var (projection, types) in Runs("rebuild") ? eventsRead : [])
{
    var read = types == "" ? events : await seeder.CountAsync($"mt_events where type in ({types})");
    var timer = Stopwatch.StartNew();
    try { await Exec("dotnet", $"{options.App} projections rebuild -p {projection}", environment); }
    catch (InvalidOperationException e)
    {
        // Reported, not fatal: the rest of the run's figures are still worth their table.
        Fact($"Rebuild {projection}", "failed: " + e.Message.Split('\n').FirstOrDefault(l => l.Contains("Exception"))?.Trim(), "≥ 25 000 events/s", false);
        Console.WriteLine(e.Message);
        continue;
    }
    var rate = events / timer.Elapsed.TotalSeconds;
    Fact($"Rebuild {projection} over {events:N0} events (it reads {read:N0} of them)",
        $"{rate:N0} events/s ({timer.Elapsed.TotalSeconds:F1} s, including ~1 s process start)", "≥ 25 000 events/s", rate >= 25000);
}

// The same work as one create and one revise, replayed by pgbench: captured now from a second process of the same
// build (the measured one has stopped), replayed at pgbench's client count — the service's connection pool. Last,
// after the rebuilds: the replayed events all carry the captured article's id in their data, which no projection
// should ever read.
Measurement? sameCreate = null, sameRevise = null;
var replays = new StringBuilder();
if (Runs("same-work"))
{
    Console.WriteLine("== 8. Same-work baseline: pgbench replays the statements of one create and one revise");
    try
    {
        var captured = await SameWork.CaptureAsync(options, environment, editor[0], Path.Combine(options.Work, "capture-service.log"));
        await SameWork.PrepareStreamsAsync(options.PgHost, options.PgPort, captured.Streams);
        var dir = Directory.CreateDirectory(Path.Combine(options.Work, "same-work")).FullName;
        async Task<Measurement> Replay(string what, SameWork.Script script)
        {
            var file = Path.Combine(dir, what + ".sql");
            await File.WriteAllTextAsync(file, script.Text);
            Fact($"Same-work {what}: what the replay sends per operation",
                $"{script.Statements} statements in {script.RoundTrips - 1} round trips, {script.Transactions} explicit transaction(s); plus 1 round trip that draws fresh ids");
            if (replays.Length == 0) replays.AppendLine("## The same-work replays (captured in this run)").AppendLine();
            replays.AppendLine($"### pgbench script replaying one {what}").AppendLine().AppendLine("```").AppendLine(script.Text.TrimEnd()).AppendLine("```").AppendLine();
            var extra = new List<string> { "-M", "prepared" };
            foreach (var d in script.Defines) { extra.Add("-D"); extra.Add(d); }
            return await PgBench.RunScriptAsync($"pgbench same-work {what} (replays the service's statements for one {what})", options.PgHost, options.PgPort,
                "postgres", file, extra, Path.Combine(Directory.CreateDirectory(Path.Combine(dir, what + "-log")).FullName, "log"), options.PgbenchClients, options.Seconds);
        }
        sameCreate = await Replay("create", SameWork.Build(captured.Create, captured.CreateSlug, null));
        Record(sameCreate);
        sameRevise = await Replay("revise", SameWork.Build(captured.Revise, captured.ReviseSlug, captured.ReviseId));
        Record(sameRevise);
    }
    catch (Exception e)
    {
        Fact("Same-work baseline", "failed: " + e.Message.Split('\n')[0]);
        Console.WriteLine(e);
    }
}

// A cost that grows with the publications a node serves: the same operations on one publication's database, the
// node serving one and then ten (each with the same archive), after the main service has stopped.
if (Runs("publications"))
{
    var one = await MeasurePublications(1);
    var many = await MeasurePublications(options.Publications);
    foreach (var (name, value) in Growth.Compare(one, many, $"×{options.Publications} publications")) Fact(name, value);
}

await Report.WriteAsync(options, results, append, select, sameCreate, sameRevise, facts, growthSections + replays);
return 0;

// Commands until the service's JIT is quiet: a node compiles its hot code for about its first minute under load
// (docs/performance.md), and a phase measured before that measures the compiling. Of every twenty commands a client
// sends, one starts a new draft, one revises it and the others revise it with a stale version (409 after the
// token, validation and the article's load, without appending), so what the warm-up adds stays far below the
// smaller archive, in articles and in events (the growth between the two sizes stays tenfold).
async Task WarmUpCommandsAsync(Service node, string[] editors)
{
    var drafts = new (Guid Id, int Version)[options.Clients];
    async Task<bool> StartDraft(int w, long i)
    {
        var r = await node.SendAsync(HttpMethod.Post, "/api/articles", editors[w], Draft(w, -10 - i));
        if (r.Ok) drafts[w] = (Guid.Parse(r.Json!["id"]!.GetValue<string>()), r.Json!["version"]!.GetValue<int>());
        return r.Ok;
    }
    var slice = TimeSpan.FromSeconds(5);
    for (var round = 0; round < 12; round++)
    {
        var before = await node.JitSecondsAsync();
        await Load.RunAsync("warm-up", options.Clients, slice, async (w, i) =>
        {
            if (i % 20 == 0 || drafts[w].Id == Guid.Empty) return await StartDraft(w, i);
            var current = i % 20 == 10;
            var r = await node.SendAsync(HttpMethod.Patch, $"/api/articles/{drafts[w].Id}", editors[w],
                new { version = current ? drafts[w].Version : drafts[w].Version + 1000, standfirst = $"Warm-up {i}" });
            if (r.Ok) drafts[w].Version = r.Json!["version"]!.GetValue<int>();
            return r.Ok == current;
        });
        var compiled = await node.JitSecondsAsync() - before;
        Console.WriteLine($"  warm-up: the JIT compiled for {compiled:F1} s of {slice.TotalSeconds:F0} s");
        // Quiet: under a twentieth of the slice (or no metric to tell).
        if (compiled is null || compiled < slice.TotalSeconds / 20) break;
    }
}

// The archive-growth phase: the same operations at each archive size (the board's 10 000 and 100 000 by default),
// so a cost that grows with the number of articles, events or comments shows as a ratio.
async Task<GrowthPoint> MeasureGrowth(int target)
{
    var point = new GrowthPoint(await seeder.ArticleCountAsync(), await seeder.EventCountAsync(), []);
    var at = $"at {point.Articles:N0} articles";
    Console.WriteLine($"== 4b. Growth: commands and reads {at} ({point.Events:N0} events)");
    await MeasureOperations(point, service, editor, boardReader, seeder, null, at, $"Growth story {target}");
    return point;
}

// Create, revise, GET article, board, public page and the readiness probe, each a load phase added to the point:
// the operations whose cost must not grow with the archive or with the publications a node serves.
async Task MeasureOperations(GrowthPoint point, Service node, string[] editors, string board, Seeder data, string? publication, string at, string tag)
{
    var host = publication is null ? null : PublicationHost(publication);
    async Task Measure(string operation, Func<Task<Measurement>> run)
    {
        var m = await Phase(node, run);
        Record(m);
        point.Operations.Add((operation, m));
    }
    await Measure("(a) create", () => Load.RunAsync($"(a) Create draft {at}", options.Clients, seconds, async (w, i) =>
        (await node.SendAsync(HttpMethod.Post, "/api/articles", editors[w], new
        {
            headline = $"{tag} {w}-{i}", desk = "world", byline = new[] { "Bench Writer" },
            body = string.Join(' ', Enumerable.Repeat("The delegation will attend ceremonies in Pyongyang on Thursday.", 12))
        })).Ok));
    var mine = new (Guid Id, int Version)[options.Clients];
    await Measure("(b) revise", () => Load.RunAsync($"(b) Revise own draft {at}", options.Clients, seconds, async (w, i) =>
    {
        var r = await node.SendAsync(HttpMethod.Patch, $"/api/articles/{mine[w].Id}", editors[w], new { version = mine[w].Version, standfirst = $"Standfirst {i}" });
        if (r.Ok) mine[w].Version = r.Json!["version"]!.GetValue<int>();
        return r.Ok;
    }, prepare: async w =>
    {
        var r = await node.SendAsync(HttpMethod.Post, "/api/articles", editors[w], new
        {
            headline = $"{tag} revised {w}", desk = "world", byline = new[] { "Bench Writer" }, body = "A body."
        });
        mine[w] = (Guid.Parse(r.Json!["id"]!.GetValue<string>()), r.Json!["version"]!.GetValue<int>());
    }));
    // Reads of articles from the whole archive, not only the newest.
    var sample = (await data.SomeAsync("id::text", "mt_doc_article where desk = 'world' order by random()", 2000, publication)).ToArray();
    await Measure("(c) GET article", () => Load.RunAsync($"(c) GET article {at}", options.Clients, seconds,
        async (w, i) => await node.GetOkAsync($"/api/articles/{sample[(int)((i * 7919 + w) % sample.Length)]}", editors[w])));
    await Measure("(e) board", () => Load.RunAsync($"Board query (status+desk filter) {at}, growth phase", options.Clients, seconds,
        async (_, _) => await node.GetOkAsync("/api/articles?status=in_review&desk=world&limit=50", board)));
    var pages = (await data.SomeAsync("slug", "mt_doc_publishedarticle where published_at is not null order by random()", 2000, publication)).ToArray();
    if (pages.Length > 0)
        await Measure("(d) GET public page", () => Load.RunAsync($"(d) GET public article page {at}", options.Clients, seconds,
            async (w, i) => await node.GetOkAsync($"/public/articles/{pages[(int)((i * 7919 + w) % pages.Length)]}", null, host)));
    // What a load balancer asks every node every few seconds (ADR 0031), one probe at a time.
    await Measure("readiness probe", () => Load.RunAsync($"Readiness probe (GET /health/ready, 1 client) {at}", 1, TimeSpan.FromSeconds(Math.Min(5, options.Seconds)),
        async (_, _) => await node.GetOkAsync("/health/ready", null)));
}

// The connections open in each database of the cluster (this driver's idle ones closed first), in all and by database.
async Task<string> ConnectionsByDatabaseAsync()
{
    Npgsql.NpgsqlConnection.ClearAllPools();
    var held = new List<(string Database, long Count)>();
    await using var probe = new Npgsql.NpgsqlConnection(connectionString);
    await probe.OpenAsync();
    await using var command = new Npgsql.NpgsqlCommand("""
        select coalesce(datname, '?'), count(*) from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid() group by datname order by datname
        """, probe);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) held.Add((reader.GetString(0), reader.GetInt64(1)));
    return $"{held.Sum(h => h.Count)} connections: {string.Join(", ", held.Select(h => $"{h.Database} {h.Count}"))}";
}

static string PublicationHost(string publication) => $"{publication}.news.example";

// A node serving `count` publications, each in a database of its own (ADR 0033) with the same seeded archive: the
// operations measured on the first publication, as a point to compare with another count; and what the node does
// for the publications when nobody asks it anything.
async Task<GrowthPoint> MeasurePublications(int count)
{
    Console.WriteLine($"== 9. A node serving {count} publication(s)");
    var ids = Enumerable.Range(0, count).Select(k => $"p{k}").ToArray();
    var databases = ids.ToDictionary(id => id,
        id => $"Host={options.PgHost};Port={options.PgPort};Username=postgres;Database=publications{count}_{id};Maximum Pool Size={options.PoolSize}");
    var env = new Dictionary<string, string>(environment);
    foreach (var id in ids)
    {
        await PgBench.Psql(options.PgHost, options.PgPort, "postgres", $"create database publications{count}_{id}");
        env[$"Publications__{id}__ConnectionString"] = databases[id];
        env[$"Publications__{id}__Hosts__0"] = PublicationHost(id);
    }
    await Exec("dotnet", $"{options.App} resources setup", env);
    await using var data = new Seeder(connectionString, databases);
    var seedTimer = Stopwatch.StartNew();
    foreach (var id in ids) await data.SeedAsync(options.PublicationArticles, id);
    Console.WriteLine($"  seeded {options.PublicationArticles:N0} articles in each in {seedTimer.Elapsed.TotalSeconds:F1} s");

    var editors = Editors(ids[0]);
    var board = Token("board-editor", "editor", ["world", "politics"], ids[0]);

    await using var node = new Service(options.Port, options.Clients);
    var start = await node.StartAsync(options.App, env, Path.Combine(options.Work, $"service-{count}-publications.log"), board);
    Fact($"Cold start, {count} publication(s)", $"{start.TotalSeconds:F2} s", "< 3 s", start.TotalSeconds < 3);
    var caughtUp = await data.WaitForProjectionsAsync(TimeSpan.FromMinutes(10));
    Console.WriteLine($"  projections caught up {caughtUp.TotalSeconds:F1} s after start");
    Fact($"Connections held by a node serving {count} publication(s), after start-up (projections caught up)", await ConnectionsByDatabaseAsync());
    foreach (var id in ids) await PgBench.Psql(options.PgHost, options.PgPort, $"publications{count}_{id}", "vacuum (analyze);");
    await PgBench.Psql(options.PgHost, options.PgPort, "postgres", "checkpoint;");

    await WarmUpCommandsAsync(node, editors);
    var point = new GrowthPoint(await data.CountAsync("mt_doc_article", ids[0]), await data.CountAsync("mt_events", ids[0]), []);
    await MeasureOperations(point, node, editors, board, data, ids[0], $"on one of {count} publication(s)", $"Publication story {count}");
    if (count > 1)
    {
        // The same creates with each client on a publication of its own in turn: every database's pool in use at once.
        var spread = ids.Select(id => Editors(id)).ToArray();
        var all = await Phase(node, () => Load.RunAsync($"(a) Create draft, clients spread over {count} publications", options.Clients, seconds, async (w, i) =>
            (await node.SendAsync(HttpMethod.Post, "/api/articles", spread[w % count][w], Draft(w, i))).Ok));
        Record(all);
        var one = point.Operations.First(o => o.Operation == "(a) create").Result;
        Fact($"Create, clients spread over {count} publications vs all on one",
            $"{all.Throughput:F0} vs {one.Throughput:F0}/s ({all.Throughput / one.Throughput:P0}); p99 {all.P99Ms:F1} vs {one.P99Ms:F1} ms");
    }
    var peak = node.PeakRssMb();
    Fact($"Peak RSS, {count} publication(s)", $"{peak:F0} MB", "< 300 MB", peak < 300);

    // Idle, once the async projections have caught up with the phases and the JIT is quiet: what the node does for
    // its publications when nobody asks it anything (the daemons' polling, the durability agents, the heartbeat),
    // and the connections it keeps open (this driver's own closed first).
    await data.WaitForProjectionsAsync(TimeSpan.FromMinutes(5));
    await Task.Delay(TimeSpan.FromSeconds(5));
    var idle = TimeSpan.FromSeconds(Math.Max(10, options.Seconds));
    if (options.Profile) await Statements.ResetAsync(connectionString);
    var before = CpuSnapshot.Take(node.Pid);
    await Task.Delay(idle);
    var used = CpuSnapshot.Take(node.Pid).Since(before);
    Fact($"Idle node, {count} publication(s): CPU, and the connections it holds after the load",
        $"service {used.Service * 1000 / idle.TotalSeconds:F0} ms/s, PostgreSQL {used.Postgres * 1000 / idle.TotalSeconds:F0} ms/s; {await ConnectionsByDatabaseAsync()}");
    if (options.Profile)
        foreach (var statement in await Statements.TopAsync(connectionString, (long)idle.TotalSeconds, top: 12, byCalls: true))
            Fact($"Idle node, {count} publication(s): statement", $"{statement.CallsPerOp:F1} calls/s, {statement.MeanMs:F3} ms each: `{statement.Query.Replace("|", "\\|")}`");
    return point;
}

async Task MeasureLag(string slug)
{
    var t = Stopwatch.GetTimestamp();
    while (Stopwatch.GetElapsedTime(t) < TimeSpan.FromSeconds(10))
    {
        if (await service.GetOkAsync($"/public/articles/{slug}", null)) { lags.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds); return; }
        await Task.Delay(5);
    }
    lags.Add(10_000);
}

static async Task Exec(string file, string arguments, IDictionary<string, string> env)
{
    var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var (k, v) in env) info.Environment[k] = v;
    using var process = Process.Start(info)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed:\n{await output}\n{await error}");
}

public sealed record Options(string App, string PgHost, int PgPort, int Port, int Seconds, int Clients, int PgbenchClients,
    int SmallBoard, int LargeBoard, string Work, string Results, HashSet<string> Phases, bool Profile, int PoolSize, int SameHeadline,
    int Publications, int PublicationArticles)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Options(Get("app", ""), Get("pg-host", "127.0.0.1"), Int("pg-port", 5432), Int("port", 5181), Int("seconds", 20),
            Int("clients", 32), Int("pgbench-clients", 8), Int("small-board", 10_000), Int("large-board", 100_000),
            Get("work", Path.GetTempPath()), Get("results", "."),
            Get("phases", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            args.Contains("--profile"), Int("pool-size", 8), Int("same-headline", 10_000),
            Int("publications", 10), Int("publication-articles", 2_000));
    }
}
