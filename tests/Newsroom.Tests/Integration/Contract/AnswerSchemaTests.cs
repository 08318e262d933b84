using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Newsroom.Tests.Integration.Contract;

/// <summary>
/// Every answer the integration tests recorded, held to /openapi/v1.json: its status declared for its operation,
/// its content type declared for that status, and a JSON body valid against the declared schema.
/// </summary>
[Collection(ContractCollection.Name)]
public class every_recorded_answer(ContractFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void is_declared_by_the_document_and_valid_against_its_schema()
    {
        var contract = fixture.Contract;
        var answers = ContractCollection.DescribedAnswers();
        // (operation, status, problem) → count: one line per kind of violation, not one per answer.
        var violations = new Dictionary<(string Operation, int Status, string Problem), int>();
        void Violation(string operation, int status, string problem) =>
            violations[(operation, status, problem)] = violations.GetValueOrDefault((operation, status, problem)) + 1;
        int validated = 0, tooLarge = 0;
        var valid = new Dictionary<(string Operation, int Status), int>();

        foreach (var answer in answers)
        {
            var method = contract.OperationMethod(answer.Method, answer.Path);
            var operation = $"{method} {answer.Path}";
            if (contract.Responses(method, answer.Path) is not { } responses)
            {
                Violation(operation, answer.Status, "the document has no such operation");
                continue;
            }
            if (OpenApiContract.Declared(responses, answer.Status) is not { } declared)
            {
                Violation(operation, answer.Status, $"status not declared (declared: {string.Join(" ", OpenApiContract.DeclaredStatuses(responses))})");
                continue;
            }

            var content = declared["content"] as JsonObject;
            // No body: 204, 304, HEAD, or a status the server answers bare. Only a promise of a body can be broken.
            if (answer.BodyLength == 0)
            {
                if (content is { Count: > 0 } && answer.Status is not (204 or 304) && answer.Method != "HEAD")
                    Violation(operation, answer.Status, $"answered without a body, the document declares {string.Join(", ", content.Select(c => c.Key))}");
                continue;
            }
            if (content is not { Count: > 0 })
            {
                Violation(operation, answer.Status, $"answered {answer.MediaType ?? "(no content type)"} body, the document declares no content");
                continue;
            }
            if (answer.MediaType is null || OpenApiContract.MatchingMediaType(content, answer.MediaType) is not { } mediaType)
            {
                Violation(operation, answer.Status, $"content type {answer.MediaType ?? "(none)"} not declared (declared: {string.Join(", ", content.Select(c => c.Key))})");
                continue;
            }
            if (!answer.IsJson) continue;
            if (answer.Truncated || answer.Body is null) { tooLarge++; continue; }
            if (content[mediaType]?["schema"] is not { } schema) continue;

            JsonElement body;
            try { body = JsonDocument.Parse(answer.Body).RootElement.Clone(); }
            catch (JsonException e)
            {
                Violation(operation, answer.Status, $"{answer.MediaType} body is not JSON: {e.Message}");
                continue;
            }
            validated++;
            var errors = contract.Validate(schema, body);
            if (errors.Count > 0) Violation(operation, answer.Status, $"schema ({mediaType}): {OpenApiContract.Summary(errors)}");
            else valid[(operation, answer.Status)] = valid.GetValueOrDefault((operation, answer.Status)) + 1;
        }

        output.WriteLine($"{answers.Count} answers recorded, {validated} JSON bodies validated against their schema, {tooLarge} larger than {AnswerRecorder.Cap / 1024} KB not validated.");
        output.WriteLine("JSON bodies valid against their schema, per operation and status:");
        foreach (var ((operation, status), count) in valid.OrderBy(v => v.Key.Operation.Split(' ')[1], StringComparer.Ordinal).ThenBy(v => v.Key.Operation).ThenBy(v => v.Key.Status))
            output.WriteLine($"  {operation} {status}: {count}");
        // The same schema error across operations (ProblemDetails is shared): the short version of the list below.
        var byError = violations.Where(v => v.Key.Problem.StartsWith("schema", StringComparison.Ordinal))
            .GroupBy(v => v.Key.Problem).OrderByDescending(g => g.Sum(v => v.Value)).ToList();
        if (byError.Count > 0) output.WriteLine("Schema errors across operations:");
        foreach (var g in byError)
            output.WriteLine($"  {g.Key} — {g.Sum(v => v.Value)}× in {g.Select(v => v.Key.Operation).Distinct().Count()} operations ({string.Join(", ", g.Select(v => v.Key.Status).Distinct().Order())})");
        var report = new StringBuilder();
        foreach (var group in violations.OrderBy(v => v.Key.Operation.Split(' ')[1], StringComparer.Ordinal).ThenBy(v => v.Key.Operation).ThenBy(v => v.Key.Status))
            report.AppendLine($"  {group.Key.Operation} {group.Key.Status}: {group.Key.Problem} — {group.Value}×");
        var text = violations.Count == 0 ? "" : $"{violations.Count} kinds of violation, {violations.Values.Sum()} answers:\n{report}";
        output.WriteLine(text.Length == 0 ? "Every answer matches the document." : text);
        text.ShouldBeEmpty();
    }
}
