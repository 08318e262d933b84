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

    // "39.030", "3.903E1" and "39.03" are one number: write it once, as significant digits and an exponent
    // ("3903e-2"). Purely textual, so no value is rounded and none is too large.
    private static string Number(string raw)
    {
        var negative = raw.StartsWith('-');
        var text = raw.TrimStart('-', '+');
        var exponent = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            exponent -= text.Length - dot - 1;
            text = text.Remove(dot, 1);
        }
        text = text.TrimStart('0');
        if (text.Length == 0) return "0";
        var trailing = text.Length - text.TrimEnd('0').Length;
        text = text.TrimEnd('0');
        exponent += trailing;
        return (negative ? "-" : "") + Spell(text, exponent);
    }

    // Plain decimal notation in the everyday range ("39.03", "1500"), digits and exponent beyond it ("1e-30").
    private static string Spell(string digits, int exponent)
    {
        if (exponent is < -18 or > 18) return digits + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        if (exponent >= 0) return digits + new string('0', exponent);
        var point = digits.Length + exponent;
        return point > 0 ? digits[..point] + "." + digits[point..] : "0." + new string('0', -point) + digits;
    }
}
