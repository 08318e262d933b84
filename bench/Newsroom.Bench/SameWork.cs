using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Newsroom.Bench;

/// <summary>
/// The same-work baseline: pgbench replays exactly what the service sends PostgreSQL for one create and for one
/// revise — the same statements with the same parameters, in the same round trips and transactions — so the
/// service's rate can be read as a share of what PostgreSQL does for the same work. The statements are captured
/// at run time from the service itself (a second process of the same build, talking to PostgreSQL through a
/// <see cref="WireCapture"/>), so the replay follows every change of the service's statements.
/// </summary>
public static partial class SameWork
{
    /// <summary>The version the revised articles have before the captured revise: distinctive, so its parameters can be found.</summary>
    private const int VersionBefore = 12;

    public sealed record Captured(List<RoundTrip> Create, List<RoundTrip> Revise, string CreateSlug, string CreateId, string ReviseId,
        string ReviseSlug, List<(Guid Id, string Slug)> Streams);

    /// <summary>
    /// Starts the service through the capture relay, makes the articles the revise replay needs, then creates and revises
    /// three times with pauses in between, and keeps the round trips that every create (revise) made within its own
    /// request and that never occurred while no request was running (the daemon's and Wolverine's polling, and what the
    /// async projections did after a command).
    /// </summary>
    public static async Task<Captured> CaptureAsync(Options options, IDictionary<string, string> environment, string editorToken, string logFile)
    {
        await using var capture = new WireCapture(options.PgHost, options.PgPort);
        var env = new Dictionary<string, string>(environment)
        {
            ["ConnectionStrings__Newsroom"] = $"Host=127.0.0.1;Port={capture.Port};Username=postgres;Database=postgres;Maximum Pool Size={options.PoolSize}"
        };
        var windows = new List<(string Kind, long From, long To)>();
        var quiet = new List<(long From, long To)>();
        string createSlug = "", createId = "", reviseId = "", reviseSlug = "";
        var streams = new List<(Guid, string)>();
        await using (var service = new Service(options.Port + 1, 4))
        {
            await service.StartAsync(options.App, env, logFile, editorToken);
            // The revise replay needs one article per pgbench client at the captured version, and the capture one per repetition.
            var articles = new List<(Guid Id, string Slug)>();
            for (var a = 0; a < options.PgbenchClients + 3; a++)
            {
                var r = await service.SendAsync(HttpMethod.Post, "/api/articles", editorToken, Draft($"Same-work stream {a} {Guid.NewGuid():N}"));
                var id = Guid.Parse(r.Json!["id"]!.GetValue<string>());
                for (var v = 1; v < VersionBefore; v++)
                    await service.SendAsync(HttpMethod.Patch, $"/api/articles/{id}", editorToken, new { version = v, standfirst = $"Standfirst {v}" });
                articles.Add((id, r.Json!["slug"]!.GetValue<string>()));
            }
            streams = articles.Take(options.PgbenchClients).ToList();
            await Task.Delay(3000);
            for (var rep = 0; rep < 3; rep++)
            {
                var quietFrom = Stopwatch.GetTimestamp();
                await Task.Delay(1500);
                var from = Stopwatch.GetTimestamp();
                quiet.Add((quietFrom, from));
                var created = await service.SendAsync(HttpMethod.Post, "/api/articles", editorToken, Draft($"Same work capture {Guid.NewGuid():N}"));
                windows.Add(("create", from, Stopwatch.GetTimestamp()));
                if (!created.Ok) throw new InvalidOperationException("The capture's create failed.");
                // The last repetition's values are the ones the replay replaces with fresh ones.
                createSlug = created.Json!["slug"]!.GetValue<string>();
                createId = created.Json!["id"]!.GetValue<string>();

                quietFrom = Stopwatch.GetTimestamp();
                await Task.Delay(1500);
                from = Stopwatch.GetTimestamp();
                quiet.Add((quietFrom, from));
                var target = articles[options.PgbenchClients + rep];
                var revised = await service.SendAsync(HttpMethod.Patch, $"/api/articles/{target.Id}", editorToken,
                    new { version = VersionBefore, standfirst = "Same-work capture" });
                windows.Add(("revise", from, Stopwatch.GetTimestamp()));
                if (!revised.Ok) throw new InvalidOperationException("The capture's revise failed.");
                (reviseId, reviseSlug) = (target.Id.ToString(), target.Slug);
            }
            quiet.Add((Stopwatch.GetTimestamp(), Stopwatch.GetTimestamp() + Stopwatch.Frequency));
            await Task.Delay(1000);
        }
        var trips = capture.Trips();
        var background = trips.Where(t => quiet.Any(q => t.SentAt >= q.From && t.SentAt < q.To)).Select(Key).ToHashSet();
        // A round trip inside a request's window that is not background; and everything a kept round trip's transaction
        // sent on its connection until the COMMIT (which alone looks like any other transaction's end).
        List<RoundTrip> Kept((string Kind, long From, long To) w)
        {
            var open = new HashSet<int>();
            var kept = new List<RoundTrip>();
            foreach (var t in trips.Where(t => t.SentAt >= w.From && t.SentAt <= w.To))
            {
                if (!open.Contains(t.Connection) && background.Contains(Key(t))) continue;
                kept.Add(t);
                if (t.Statements.Any(s => s.Simple && s.Sql.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase))) open.Add(t.Connection);
                if (t.Statements.Any(s => s.Simple && s.Sql.Trim() is "COMMIT" or "ROLLBACK")) open.Remove(t.Connection);
            }
            return kept;
        }
        List<RoundTrip> Of(string kind)
        {
            var mine = windows.Where(w => w.Kind == kind).Select(Kept).ToList();
            var everyTime = mine.Select(m => m.Select(Key).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
            return mine[^1].Where(t => everyTime.Contains(Key(t))).ToList();
        }
        return new Captured(Of("create"), Of("revise"), createSlug, createId, reviseId, reviseSlug, streams);
    }

    private static object Draft(string headline) => new
    {
        headline, desk = "world", byline = new[] { "Bench Writer" },
        body = string.Join(' ', Enumerable.Repeat("The delegation will attend ceremonies in Pyongyang on Thursday.", 12))
    };

    /// <summary>What a round trip did, without the pool's reset that Npgsql prepends to whatever comes first.</summary>
    // A notification is known by its channel too: the service sends every notification with the same statement.
    private static string Key(RoundTrip trip) => string.Join("\n", trip.Statements.Where(s => !IsPoolReset(s))
        .Select(s => s.Sql.Contains("pg_notify", StringComparison.Ordinal) && s.Parameters.Count > 0 ? $"{s.Sql} -- {s.Parameters[0]}" : s.Sql));

    private static bool IsPoolReset(WireStatement s) =>
        s.Simple && (s.Sql.StartsWith("SET SESSION AUTHORIZATION DEFAULT", StringComparison.Ordinal) || s.Sql == "DISCARD ALL");

    /// <summary>A pgbench script and its constants (-D) for one captured operation.</summary>
    public sealed record Script(string Text, List<string> Defines, int RoundTrips, int Statements, int Transactions);

    /// <summary>
    /// The replay of one operation. Parameters become pgbench variables (constants through -D, cast to the type the
    /// service declared); what must differ per replay so that unique keys never collide — every uuid the request sent
    /// as a parameter, the slug, and for a revise the stream and its versions — is drawn fresh by one select at the start
    /// of each replay (\gset), the replay's only round trip the service does not make.
    /// </summary>
    public static Script Build(List<RoundTrip> trips, string slug, string? streamId)
    {
        // Ids the operation writes must be new in every replay; an id it only reads (the previous link of the hash
        // chain) stays what it was, so the replay reads an existing row as the service did.
        var uuids = new List<string>();
        foreach (var s in trips.SelectMany(t => t.Statements).Where(s => Writes().IsMatch(s.Sql)))
            foreach (var p in s.Parameters.Where(p => p != null))
                foreach (Match m in Uuid().Matches(p!))
                    if (!uuids.Contains(m.Value) && m.Value != streamId && !IsJson(p!)) uuids.Add(m.Value);
        string Fresh(string uuid) => uuid == streamId ? "sw_sid" : $"sw_u{uuids.IndexOf(uuid)}";
        var defines = new List<string>();
        var derived = new List<string>();   // select-list items of the \gset query
        var script = new StringBuilder();
        var statements = 0;
        var transactions = 0;
        var revise = streamId != null;
        if (revise)
        {
            script.AppendLine(@"\set sw_old :sw_old + 1");
            script.AppendLine(@"\set sw_new :sw_old + 1");
            defines.Add($"sw_old={VersionBefore - 1}");
        }
        var body = new StringBuilder();
        for (var t = 0; t < trips.Count; t++)
        {
            var commands = new List<string>();
            for (var k = 0; k < trips[t].Statements.Count; k++)
            {
                var s = trips[t].Statements[k];
                if (s.Simple)
                {
                    commands.AddRange(SplitSimple(s.Sql));
                    continue;
                }
                var sql = Parameter().Replace(s.Sql.Trim().TrimEnd(';'), m =>
                {
                    var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
                    var value = s.Parameters[n];
                    var type = n < s.Types.Count ? PgText.TypeName(s.Types[n]) : null;
                    var cast = type is null ? "" : "::" + type;
                    if (value is null) return "NULL" + (cast == "" ? "" : cast);
                    if (value == "") return "''" + cast;   // pgbench takes no empty -D value
                    var name = $"sw_{t}_{k}_{n + 1}";
                    if (revise && value == VersionBefore.ToString(CultureInfo.InvariantCulture)) return ":sw_old" + cast;
                    if (revise && value == (VersionBefore + 1).ToString(CultureInfo.InvariantCulture)) return ":sw_new" + cast;
                    if (!IsJson(value) && (value.Contains(slug) || uuids.Any(value.Contains) || (streamId != null && value.Contains(streamId))))
                    {
                        if (value == slug) return ":sw_slug" + cast;
                        if (uuids.Contains(value) || value == streamId) return ":" + Fresh(value) + cast;
                        var expression = Sql(value);
                        foreach (var u in uuids.Append(streamId).Where(u => u != null && value.Contains(u!)))
                            expression = $"replace({expression}, {Sql(u!)}, {Fresh(u!)})";
                        if (value.Contains(slug)) expression = $"replace({expression}, {Sql(slug)}, sw_slug)";
                        derived.Add($"{expression} as {name}");
                        return ":" + name + cast;
                    }
                    defines.Add($"{name}={value}");
                    return ":" + name + cast;
                });
                commands.Add(sql);
            }
            statements += commands.Count;
            transactions += commands.Count(c => c.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase));
            if (commands.Count > 1) body.AppendLine(@"\startpipeline");
            foreach (var c in commands) body.AppendLine(c + ";");
            if (commands.Count > 1) body.AppendLine(@"\endpipeline");
        }
        var fresh = string.Join(", ", uuids.Select((_, i) => $"gen_random_uuid()::text as sw_u{i}")
            .Append(revise ? "w.id::text as sw_sid, w.slug as sw_slug" : $"{Sql(slug + "-")} || (random() * 1e15)::bigint as sw_slug"));
        var from = revise ? $" from bench_same_work w where w.client = :client_id" : "";
        script.AppendLine($"select *{(derived.Count == 0 ? "" : ", " + string.Join(", ", derived))} from (select {fresh}{from}) g \\gset");
        script.Append(body);
        return new Script(script.ToString(), defines, trips.Count + 1, statements, transactions);
    }

    /// <summary>Creates the table that gives each pgbench client of the revise replay its own article.</summary>
    public static async Task PrepareStreamsAsync(string host, int port, List<(Guid Id, string Slug)> streams)
    {
        var rows = string.Join(", ", streams.Select((s, i) => $"({i}, '{s.Id}', {Sql(s.Slug)})"));
        await PgBench.Psql(host, port, "postgres",
            $"drop table if exists bench_same_work; create table bench_same_work (client int primary key, id uuid not null, slug text not null); insert into bench_same_work values {rows};");
    }

    /// <summary>A simple-protocol string as separate commands (pgbench prepares each); DISCARD ALL without the parts that would drop pgbench's own prepared statements.</summary>
    private static IEnumerable<string> SplitSimple(string sql)
    {
        if (sql.Trim() == "DISCARD ALL")
            return ["CLOSE ALL", "SET SESSION AUTHORIZATION DEFAULT", "RESET ALL", "UNLISTEN *", "SELECT pg_advisory_unlock_all()", "DISCARD TEMP", "DISCARD SEQUENCES"];
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in sql)
        {
            if (c == '\'') quoted = !quoted;
            if (c == ';' && !quoted) { parts.Add(current.ToString()); current.Clear(); continue; }
            current.Append(c);
        }
        parts.Add(current.ToString());
        return parts.Select(p => p.Trim()).Where(p => p.Length > 0);
    }

    private static bool IsJson(string value) => value.StartsWith("{\"", StringComparison.Ordinal) && value.Contains("\":", StringComparison.Ordinal)
        || value.StartsWith("[", StringComparison.Ordinal);

    private static string Sql(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>A statement that writes: insert, update, delete, or a select of a schema's function (Marten's quick append).</summary>
    [GeneratedRegex(@"^\s*(insert|update|delete|with|select\s+\w+\.\w+\()", RegexOptions.IgnoreCase)]
    private static partial Regex Writes();

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();
}
