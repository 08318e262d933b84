using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Newsroom.Integrity;

/// <summary>
/// One spelling for one JSON value, so the hash computed from the serializer's output at append time equals
/// the hash recomputed from PostgreSQL's jsonb text at verification time: object keys sorted (ordinal), no
/// insignificant whitespace, numbers in their shortest exact decimal form, strings escaped minimally.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false
    };

    public static string From(string json) => From(JsonNode.Parse(json));

    public static string From(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, node);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValue value:
                var element = value.GetValue<JsonElement>();
                switch (element.ValueKind)
                {
                    case JsonValueKind.Number:
                        writer.WriteRawValue(Number(element.GetRawText()));
                        break;
                    case JsonValueKind.String:
                        writer.WriteStringValue(element.GetString());
                        break;
                    default:
                        element.WriteTo(writer);
                        break;
                }
                break;
        }
    }

    // "39.030", "3.903E1" and "39.03" are one number: write it once, the same way.
    private static string Number(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : double.Parse(raw, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
}
