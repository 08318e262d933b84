using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Newsroom.Public.Ninjs;

/// <summary>
/// The IPTC ninjs 2.2 JSON Schema (embedded byte for byte as published by the IPTC), loaded once, and a
/// validator that turns JsonSchema.Net's output into short "instance location: message" lines.
/// </summary>
public static class NinjsSchema
{
    public const string ResourceName = "Newsroom.Public.Ninjs.ninjs-schema_2.2.json";

    /// <summary>Where ninjs 2.2 points <c>places[].geojson</c>; nothing is ever downloaded from it.</summary>
    public const string GeoJsonSchemaUri = "https://geojson.org/schema/GeoJSON.json";

    // A private registry: building into the global one would clash with anyone else (tests included)
    // who loads the same $id, and keeps our GeoJSON stand-in from leaking into other schemas.
    private static readonly BuildOptions Build = new() { SchemaRegistry = new SchemaRegistry() };

    // In draft 2020-12 "format" is an annotation unless asked for: a document "validates" with a uri such
    // as "renditions-example" (as in the IPTC's own 2.2 examples). Imports accept what validates; our own
    // export is additionally held to real URIs and RFC 3339 timestamps.
    // Hierarchical output: a failing oneOf (two alternatives matching) carries no message of its own,
    // and only the tree shows which alternatives matched.
    private static readonly EvaluationOptions Standard = new() { OutputFormat = OutputFormat.Hierarchical };
    private static readonly EvaluationOptions AssertingFormats = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = true,
    };

    private static readonly Lazy<JsonSchema> Loaded = new(Load);
    private static readonly Lazy<JsonNode> SchemaDocument = new(() => JsonNode.Parse(SchemaText())!);
    private static readonly Lazy<HashSet<string>> NinjsPropertyNames = new(() =>
        SchemaDocument.Value["$defs"]!["ninjsType"]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal));

    public static JsonSchema Schema => Loaded.Value;

    /// <summary>The schema text exactly as embedded.</summary>
    public static string SchemaText()
    {
        using var stream = typeof(NinjsSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource {ResourceName} is missing: the csproj must embed Public/Ninjs/ninjs-schema_2.2.json under that LogicalName.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Validates a document against ninjs 2.2. Returns one line per problem, e.g.
    /// <c>/headlines/0: Required properties ["value"] are not present</c>; empty when the document is valid.
    /// With <paramref name="assertFormats"/>, "uri" and "date-time" formats are checked too.
    /// </summary>
    public static IReadOnlyList<string> Validate(JsonNode? document, bool assertFormats = false)
    {
        var instance = JsonSerializer.SerializeToElement(document);
        var results = Schema.Evaluate(instance, assertFormats ? AssertingFormats : Standard);
        if (results.IsValid) return [];

        var failures = new List<(string Location, string Keyword, string Message)>();
        Collect(results, failures);

        var lines = new List<string>();
        foreach (var (location, keyword, message) in failures)
        {
            string line;
            if (IsUnknownPropertyKeyword(keyword))
            {
                var name = LastSegment(location);
                // When anything inside the ninjsType $ref fails, the $ref drops its annotations and
                // "unevaluatedProperties": false then flags every property ninjs does define (uri,
                // headlines, ...) as well. A defined property is never really unknown there: skip it.
                if (keyword == "unevaluatedProperties" && name is not null && IsDefinedAt(location, name)) continue;
                line = $"{Display(location)}: Property \"{name}\" is not defined by ninjs 2.2";
            }
            else
            {
                line = $"{Display(location)}: {message}";
            }

            if (!lines.Contains(line)) lines.Add(line);
        }

        // Should never happen, but an invalid result must never read as "no errors".
        if (lines.Count == 0) lines.Add("/: The document is not valid ninjs 2.2");
        return lines;
    }

    private static void Collect(EvaluationResults node, List<(string, string, string)> into)
    {
        if (node.IsValid) return;
        var location = node.InstanceLocation.ToString();
        var failingChildren = node.Details?.Where(d => !d.IsValid).ToList() ?? [];

        if (node.Errors is { Count: > 0 } errors)
        {
            foreach (var (keyword, message) in errors)
            {
                // The false subschema of additional/unevaluatedProperties reports with an empty key;
                // the evaluation path says which keyword it came from.
                var effective = keyword.Length > 0 ? keyword : LastSegment(node.EvaluationPath.ToString()) ?? "";
                into.Add((location, effective, effective == "enum" ? message + AllowedValues(node) : message));
            }
        }
        else if (failingChildren.Count == 0)
        {
            into.Add((location, "", Unexplained(node)));
        }

        foreach (var child in failingChildren) Collect(child, into);
    }

    /// <summary>What to say for a failure that came without a message (in practice: oneOf with several matches).</summary>
    private static string Unexplained(EvaluationResults node)
    {
        var alternatives = node.Details?.Where(d => d.EvaluationPath.ToString().Contains("/oneOf/", StringComparison.Ordinal)).ToList() ?? [];
        return alternatives.Count > 0
            ? $"Value matches {alternatives.Count(a => a.IsValid)} of the {alternatives.Count} oneOf alternatives, but exactly one must match"
            : $"Value does not match the schema at {node.EvaluationPath}";
    }

    /// <summary>" (usable, withheld, canceled)": the enum's values, read from the schema, when the failure is in ninjs itself.</summary>
    private static string AllowedValues(EvaluationResults node)
    {
        var location = node.SchemaLocation;
        if (location is null || !location.AbsoluteUri.StartsWith("http://www.iptc.org/std/ninjs/", StringComparison.Ordinal)) return "";
        JsonNode? target = SchemaDocument.Value;
        foreach (var raw in Uri.UnescapeDataString(location.Fragment.TrimStart('#')).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            target = (target as JsonObject)?[raw.Replace("~1", "/").Replace("~0", "~")];
            if (target is null) return "";
        }

        return target["enum"] is JsonArray values ? $" ({string.Join(", ", values.Select(v => v?.ToJsonString()))})" : "";
    }

    /// <summary>Whether a ninjs object (the root, or an association, which may also carry a name) defines this property.</summary>
    private static bool IsDefinedAt(string location, string name) =>
        NinjsPropertyNames.Value.Contains(name) || (name == "name" && location.StartsWith("/associations/", StringComparison.Ordinal));

    private static bool IsUnknownPropertyKeyword(string keyword) =>
        keyword is "unevaluatedProperties" or "additionalProperties";

    private static string Display(string pointer) => pointer.Length == 0 ? "/" : pointer;

    private static string? LastSegment(string pointer)
    {
        if (pointer.Length == 0) return null;
        var segment = pointer[(pointer.LastIndexOf('/') + 1)..];
        return segment.Replace("~1", "/").Replace("~0", "~");
    }

    private static JsonSchema Load()
    {
        // Registered first so the ninjs schema's external $ref resolves locally (no network, ever).
        JsonSchema.FromText(GeoJsonStandIn, Build);
        return JsonSchema.FromText(SchemaText(), Build);
    }

    /// <summary>
    /// ninjs 2.2 refers to the GeoJSON schema at geojson.org. Rather than fetch it at run time, this
    /// registers our own structural rendering of RFC 7946 under that URI: the seven geometry types,
    /// Feature and FeatureCollection, positions of at least two numbers, closed rings of four or more.
    /// </summary>
    private const string GeoJsonStandIn = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://geojson.org/schema/GeoJSON.json",
          "$comment": "Newsroom's local stand-in for the GeoJSON schema (RFC 7946), used to resolve ninjs 2.2 places[].geojson.",
          "oneOf": [
            { "$ref": "#/$defs/geometry" },
            { "$ref": "#/$defs/Feature" },
            { "$ref": "#/$defs/FeatureCollection" }
          ],
          "$defs": {
            "position": { "type": "array", "minItems": 2, "items": { "type": "number" } },
            "lineString": { "type": "array", "minItems": 2, "items": { "$ref": "#/$defs/position" } },
            "linearRing": { "type": "array", "minItems": 4, "items": { "$ref": "#/$defs/position" } },
            "polygon": { "type": "array", "items": { "$ref": "#/$defs/linearRing" } },
            "bbox": { "type": "array", "minItems": 4, "items": { "type": "number" } },
            "Point": {
              "type": "object", "required": ["type", "coordinates"],
              "properties": { "type": { "const": "Point" }, "coordinates": { "$ref": "#/$defs/position" }, "bbox": { "$ref": "#/$defs/bbox" } }
            },
            "MultiPoint": {
              "type": "object", "required": ["type", "coordinates"],
              "properties": { "type": { "const": "MultiPoint" }, "coordinates": { "type": "array", "items": { "$ref": "#/$defs/position" } }, "bbox": { "$ref": "#/$defs/bbox" } }
            },
            "LineString": {
              "type": "object", "required": ["type", "coordinates"],
              "properties": { "type": { "const": "LineString" }, "coordinates": { "$ref": "#/$defs/lineString" }, "bbox": { "$ref": "#/$defs/bbox" } }
            },
            "MultiLineString": {
              "type": "object", "required": ["type", "coordinates"],
              "properties": { "type": { "const": "MultiLineString" }, "coordinates": { "type": "array", "items": { "$ref": "#/$defs/lineString" } }, "bbox": { "$ref": "#/$defs/bbox" } }
            },
            "Polygon": {
              "type": "object", "required": ["type", "coordinates"],
              "properties": { "type": { "const": "Polygon" }, "coordinates": { "$ref": "#/$defs/polygon" }, "bbox": { "$ref": "#/$defs/bbox" } }
            },
            "MultiPolygon": {
              "type": "object", "required": ["type", "coordinates"],
              "properties": { "type": { "const": "MultiPolygon" }, "coordinates": { "type": "array", "items": { "$ref": "#/$defs/polygon" } }, "bbox": { "$ref": "#/$defs/bbox" } }
            },
            "GeometryCollection": {
              "type": "object", "required": ["type", "geometries"],
              "properties": { "type": { "const": "GeometryCollection" }, "geometries": { "type": "array", "items": { "$ref": "#/$defs/geometry" } }, "bbox": { "$ref": "#/$defs/bbox" } }
            },
            "geometry": {
              "oneOf": [
                { "$ref": "#/$defs/Point" }, { "$ref": "#/$defs/MultiPoint" }, { "$ref": "#/$defs/LineString" },
                { "$ref": "#/$defs/MultiLineString" }, { "$ref": "#/$defs/Polygon" }, { "$ref": "#/$defs/MultiPolygon" },
                { "$ref": "#/$defs/GeometryCollection" }
              ]
            },
            "Feature": {
              "type": "object", "required": ["type", "geometry", "properties"],
              "properties": {
                "type": { "const": "Feature" },
                "id": { "type": ["string", "number"] },
                "geometry": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/geometry" }] },
                "properties": { "type": ["object", "null"] },
                "bbox": { "$ref": "#/$defs/bbox" }
              }
            },
            "FeatureCollection": {
              "type": "object", "required": ["type", "features"],
              "properties": {
                "type": { "const": "FeatureCollection" },
                "features": { "type": "array", "items": { "$ref": "#/$defs/Feature" } },
                "bbox": { "$ref": "#/$defs/bbox" }
              }
            }
          }
        }
        """;
}
