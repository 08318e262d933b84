using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Newsroom.Tests.Integration.Contract;

/// <summary>
/// The OpenAPI 3.1 document (/openapi/v1.json) read as a contract: which operations exist, which statuses each
/// declares, which content types each status declares, and the JSON Schema (2020-12) of each response body.
/// </summary>
public sealed class OpenApiContract(JsonObject document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();
    private int _built;

    public JsonObject Document { get; } = document;

    /// <summary>Every operation of the document: "GET /api/articles/{id}" and its responses object.</summary>
    public IReadOnlyList<(string Method, string Path, JsonObject Responses)> Operations =>
        Document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject()
                .Where(o => Methods.Contains(o.Key))
                .Select(o => (o.Key.ToUpperInvariant(), p.Key, o.Value!["responses"] as JsonObject ?? new JsonObject())))
            .ToList();

    /// <summary>The responses object of an operation, or null when the document has no such operation. HEAD falls back on GET.</summary>
    public JsonObject? Responses(string method, string path)
    {
        if (Document["paths"]?[path] is not JsonObject item) return null;
        var operation = item[method.ToLowerInvariant()] ?? (method == "HEAD" ? item["get"] : null);
        return operation is null ? null : operation["responses"] as JsonObject ?? new JsonObject();
    }

    /// <summary>The document's method for an answer: a HEAD answers for the GET operation when the path declares no HEAD.</summary>
    public string OperationMethod(string method, string path) =>
        method == "HEAD" && Document["paths"]?[path]?["head"] is null ? "GET" : method;

    /// <summary>The response declared for a status: the exact code, else its range ("4XX"), else "default".</summary>
    public static JsonObject? Declared(JsonObject responses, int status) =>
        (responses[status.ToString()] ?? responses[$"{status / 100}XX"] ?? responses[$"{status / 100}xx"] ?? responses["default"]) as JsonObject;

    public static IEnumerable<string> DeclaredStatuses(JsonObject responses) => responses.Select(r => r.Key);

    /// <summary>The declared media type that covers an observed one ("application/json" for "application/json; charset=utf-8"), wildcards included.</summary>
    public static string? MatchingMediaType(JsonObject content, string mediaType)
    {
        foreach (var (declared, _) in content)
        {
            var d = declared.Split(';')[0].Trim().ToLowerInvariant();
            if (d == mediaType || d == "*/*" || (d.EndsWith("/*", StringComparison.Ordinal) && mediaType.StartsWith(d[..^1], StringComparison.Ordinal)))
                return declared;
        }
        return null;
    }

    /// <summary>
    /// The errors of a JSON body against a response schema, as "instance location: message" (array indexes as *),
    /// most specific first; empty when it is valid. The schema is evaluated inside a wrapper that carries the
    /// document's components.schemas as $defs, its "#/components/schemas/X" references rewritten to "#/$defs/X".
    /// </summary>
    public IReadOnlyList<string> Validate(JsonNode schema, JsonElement body)
    {
        var key = schema.ToJsonString();
        var compiled = _schemas.GetOrAdd(key, _ => Build(schema));
        var results = compiled.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = (results.Details ?? [])
            .Prepend(results)
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (Location: d.InstanceLocation.ToString(), e.Key, e.Value)))
            .OrderByDescending(e => e.Location.Count(c => c == '/'))
            .Select(e => e.Key is "" or "unevaluatedProperties" && e.Value.Contains("false schema", StringComparison.Ordinal)
                ? $"{Indexless(e.Location)}: property not described by the schema"
                : $"{Indexless(e.Location)}: {e.Key}: {e.Value}")
            .Distinct()
            .ToList();
        return errors.Count > 0 ? errors : ["/: does not match the schema"];
    }

    /// <summary>Errors as one line, locations gathered per message: "property not described by the schema: /code /traceId".</summary>
    public static string Summary(IReadOnlyList<string> errors)
    {
        var line = string.Join("; ", errors
            .Select(e => e.Split(": ", 2))
            .GroupBy(parts => parts.Length > 1 ? parts[1] : parts[0], parts => parts.Length > 1 ? parts[0] : "/")
            .Select(g => $"{g.Key}: {string.Join(" ", g.Distinct().Order(StringComparer.Ordinal))}"));
        return line.Length <= 400 ? line : line[..400] + "…";
    }

    private static string Indexless(string location) =>
        Regex.Replace(location.Length == 0 ? "/" : location, "/[0-9]+(?=/|$)", "/*");

    private JsonSchema Build(JsonNode schema)
    {
        var defs = Rewrite(Document["components"]?["schemas"]?.DeepClone() ?? new JsonObject());
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://contract.newsroom.test/response/{Interlocked.Increment(ref _built)}",
            ["$defs"] = defs,
            ["allOf"] = new JsonArray(Rewrite(schema.DeepClone())),
        };
        return JsonSchema.FromText(wrapper.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    // The document describes the answers: a property it does not name is a difference too (ProblemDetails' "code"
    // when the schema lists only type/title/status/detail/instance). So every object schema that lists properties
    // and says nothing about others gets "unevaluatedProperties": false (which, unlike additionalProperties, sees
    // through allOf/anyOf/oneOf and $ref); dictionaries (additionalProperties) keep their rule.
    private static JsonNode Rewrite(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["properties"] is JsonObject && !o.ContainsKey("additionalProperties") && !o.ContainsKey("unevaluatedProperties"))
                    o["unevaluatedProperties"] = false;
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    if (name == "$ref" && o[name] is JsonValue v && v.TryGetValue<string>(out var target)
                        && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                        o[name] = "#/$defs/" + target["#/components/schemas/".Length..];
                    else if (o[name] is { } child) Rewrite(child);
                }
                break;
            case JsonArray a:
                foreach (var item in a) if (item is not null) Rewrite(item);
                break;
        }
        return node;
    }
}
