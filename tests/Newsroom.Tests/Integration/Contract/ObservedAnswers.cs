using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Newsroom.Tests.Integration.Contract;

/// <summary>
/// One answer a test host gave to a request that matched an endpoint, as the contract tests read it:
/// the operation (method and the route template in the OpenAPI document's spelling), the status, the
/// content type and, for JSON answers, the body.
/// </summary>
/// <param name="Path">The route template as the document spells it: "/api/articles/{id}" for "/api/articles/{id:guid}".</param>
/// <param name="Described">False when the endpoint is excluded from the description (the desk's own endpoints, the document itself) or is a Razor Page (the desk's screens).</param>
/// <param name="Body">The JSON body (UTF-8 text) when the answer was JSON and no larger than the cap; otherwise null.</param>
/// <param name="BodyLength">How many body bytes were written (0: no body).</param>
public sealed record ObservedAnswer(
    string Method, string Path, string RawPattern, bool Described, int Status, string? ContentType,
    string? Body, long BodyLength, bool Truncated)
{
    public string Operation => $"{Method} {Path}";

    /// <summary>The media type without parameters, lower case: "application/json" for "application/json; charset=utf-8".</summary>
    public string? MediaType => ContentType is null ? null : ContentType.Split(';')[0].Trim().ToLowerInvariant();

    public bool IsJson => MediaType is { } m && (m == "application/json" || m.EndsWith("+json", StringComparison.Ordinal));
}

/// <summary>Every answer recorded by <see cref="AnswerRecorder"/> during this test run (all hosts, all tests).</summary>
public static class ObservedAnswers
{
    private static readonly ConcurrentQueue<ObservedAnswer> Answers = new();

    public static void Add(ObservedAnswer answer) => Answers.Enqueue(answer);

    public static IReadOnlyList<ObservedAnswer> All => Answers.ToArray();

    /// <summary>"/api/articles/{id:guid}" → "/api/articles/{id}"; also drops optional marks, defaults and catch-all stars.</summary>
    public static string DocumentPath(string rawPattern)
    {
        var path = "/" + rawPattern.TrimStart('/');
        return Regex.Replace(path, @"\{\*{0,2}([^{}:=?]+)[^{}]*\}", "{$1}");
    }
}
