using System.Text;
using Xunit.Abstractions;

namespace Newsroom.Tests.Integration.Contract;

/// <summary>
/// The statuses /openapi/v1.json declares per operation against those the integration tests observed
/// (recorded by <see cref="AnswerRecorder"/> in every host they start).
/// </summary>
[Collection(ContractCollection.Name)]
public class the_declared_statuses(ContractFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// Cross-cutting statuses proven by dedicated tests rather than per endpoint: declared on many operations, not
    /// expected to be observed on each. A declared status outside this list that no test observed is reported.
    /// (401, 403, 400 for unstorable text, 415, 404, 409 and 304 are tried on every operation by
    /// <see cref="every_operation_of_the_document"/>, so they are observed, not listed here.)
    /// </summary>
    private static readonly Dictionary<string, string> CrossCutting = new()
    {
        // Observed on 2 operations (RateLimitingTests); the limiter stands in front of every operation.
        ["429"] = "the rate limiter in front of every operation, proven by RateLimitingTests",
        // Observed on 5 body-taking operations; one middleware (RejectOversizedBodies) guards them all.
        ["413"] = "a body over the size limit: one middleware for every operation that takes a body, proven by BadInputTests",
        // Every operation that reaches PostgreSQL answers 503 when it is down (OutageTests probes a few).
        ["503"] = "the database unreachable: every operation alike, proven by OutageTests",
    };

    [Fact]
    public void match_the_statuses_the_integration_tests_observed()
    {
        var contract = fixture.Contract;
        var answers = ContractCollection.DescribedAnswers();
        var observed = answers
            .GroupBy(a => (Method: contract.OperationMethod(a.Method, a.Path), a.Path))
            .ToDictionary(g => g.Key, g => g.GroupBy(a => a.Status).ToDictionary(s => s.Key, s => s.Count()));

        var table = new StringBuilder();
        table.AppendLine(ContractCollection.FullRun
            ? "Full run (NEWSROOM_FULL_RUN=1): declared statuses that were never observed are asserted."
            : "Partial run (NEWSROOM_FULL_RUN is not 1): declared statuses that were never observed are listed, not asserted.");
        table.AppendLine($"{answers.Count} answers recorded. Operation | declared | observed (count)");

        var undeclared = new List<string>();
        var unobserved = new List<string>();
        foreach (var (method, path, responses) in contract.Operations.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method))
        {
            var declared = OpenApiContract.DeclaredStatuses(responses).ToList();
            var seen = observed.GetValueOrDefault((method, path)) ?? [];
            table.AppendLine($"{method} {path} | {string.Join(" ", declared)} | {(seen.Count == 0 ? "(not observed)" : string.Join(" ", seen.OrderBy(s => s.Key).Select(s => $"{s.Key}({s.Value})")))}");
            foreach (var (status, count) in seen.OrderBy(s => s.Key))
                if (OpenApiContract.Declared(responses, status) is null)
                    undeclared.Add($"{method} {path}: answered {status} ({count}×), declared {string.Join(" ", declared)}");
            if (seen.Count == 0) continue; // an operation no test reached is reported below as a whole
            foreach (var status in declared.Where(d => !CrossCutting.ContainsKey(d) && !seen.Keys.Any(s => Covers(d, s))))
                unobserved.Add($"{method} {path}: declares {status}, never observed (observed {string.Join(" ", seen.Keys.Order())})");
        }

        var operations = contract.Operations.Select(o => (o.Method, o.Path)).ToHashSet();
        var unreached = operations.Where(o => !observed.ContainsKey(o)).Select(o => $"{o.Method} {o.Path}: no test reached it").Order().ToList();
        var undocumented = observed.Keys.Where(k => !operations.Contains(k))
            .Select(k => $"{k.Method} {k.Path}: answered {string.Join(" ", observed[k].OrderBy(s => s.Key).Select(s => $"{s.Key}({s.Value})"))} but the document has no such operation")
            .Order().ToList();
        foreach (var k in observed.Keys.Where(k => !operations.Contains(k)).OrderBy(k => k.Path))
            table.AppendLine($"{k.Method} {k.Path} | (not in the document) | {string.Join(" ", observed[k].OrderBy(s => s.Key).Select(s => $"{s.Key}({s.Value})"))}");
        table.AppendLine();
        table.AppendLine("Declared but not expected per endpoint (cross-cutting, proven by dedicated tests):");
        foreach (var (status, reason) in CrossCutting) table.AppendLine($"  {status}: {reason}");
        output.WriteLine(table.ToString());

        var failures = new StringBuilder();
        void Section(string title, List<string> lines)
        {
            if (lines.Count == 0) return;
            failures.AppendLine($"{title} ({lines.Count}):");
            foreach (var line in lines) failures.AppendLine("  " + line);
        }
        Section("Observed but not declared", undeclared);
        Section("Observed operations missing from the document", undocumented);
        if (ContractCollection.FullRun)
        {
            Section("Declared but never observed", unobserved);
            Section("Operations of the document no test reached", unreached);
        }
        else if (unobserved.Count + unreached.Count > 0)
            output.WriteLine($"Not asserted on a partial run: {unobserved.Count} declared statuses never observed, {unreached.Count} operations not reached.");
        output.WriteLine(failures.Length == 0 ? "No mismatch." : failures.ToString());
        failures.ToString().ShouldBeEmpty();
    }

    // "404" covers 404; "4XX" covers any 4xx; "default" anything.
    private static bool Covers(string declared, int status) =>
        declared == status.ToString() || declared.Equals($"{status / 100}XX", StringComparison.OrdinalIgnoreCase) || declared == "default";
}
