using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Newsroom.Bench;

/// <summary>PostgreSQL's text form of a binary parameter, for the types the service sends (a replay sends text).</summary>
public static class PgText
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Type names for the casts a replayed statement gives its parameters, so PostgreSQL infers what the service declared.</summary>
    public static string? TypeName(uint oid) => oid switch
    {
        16 => "bool", 17 => "bytea", 20 => "int8", 21 => "int2", 23 => "int4", 25 => "text", 114 => "json", 700 => "float4",
        701 => "float8", 1043 => "varchar", 1082 => "date", 1114 => "timestamp", 1184 => "timestamptz", 2950 => "uuid", 3802 => "jsonb",
        _ when ElementOf(oid) is { } element => TypeName(element) is { } name ? name + "[]" : null,
        _ => null
    };

    private static uint? ElementOf(uint arrayOid) => arrayOid switch
    {
        1000 => 16, 1001 => 17, 1016 => 20, 1005 => 21, 1007 => 23, 1009 => 25, 199 => 114, 1021 => 700, 1022 => 701,
        1015 => 1043, 1182 => 1082, 1115 => 1114, 1185 => 1184, 2951 => 2950, 3807 => 3802, _ => null
    };

    public static string FromBinary(uint oid, ReadOnlySpan<byte> raw) => oid switch
    {
        16 => raw[0] != 0 ? "t" : "f",
        20 => BinaryPrimitives.ReadInt64BigEndian(raw).ToString(CultureInfo.InvariantCulture),
        21 => BinaryPrimitives.ReadInt16BigEndian(raw).ToString(CultureInfo.InvariantCulture),
        23 => BinaryPrimitives.ReadInt32BigEndian(raw).ToString(CultureInfo.InvariantCulture),
        700 => BinaryPrimitives.ReadSingleBigEndian(raw).ToString("R", CultureInfo.InvariantCulture),
        701 => BinaryPrimitives.ReadDoubleBigEndian(raw).ToString("R", CultureInfo.InvariantCulture),
        2950 => new Guid(raw, bigEndian: true).ToString(),
        3802 => Encoding.UTF8.GetString(raw[1..]),   // version byte, then the text
        1114 or 1184 => Epoch.AddTicks(BinaryPrimitives.ReadInt64BigEndian(raw) * 10).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + (oid == 1184 ? "+00" : ""),
        1082 => DateOnly.FromDateTime(Epoch.AddDays(BinaryPrimitives.ReadInt32BigEndian(raw))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        17 => "\\x" + Convert.ToHexString(raw).ToLowerInvariant(),
        _ when ElementOf(oid) is { } element => Array(element, raw),
        25 or 1043 or 114 or 19 or 1042 or 705 or 0 => Encoding.UTF8.GetString(raw),
        _ => throw new NotSupportedException($"The capture cannot read a binary parameter of type oid {oid}; add it to PgText.")
    };

    private static string Array(uint element, ReadOnlySpan<byte> raw)
    {
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(raw);
        if (dimensions == 0) return "{}";
        if (dimensions != 1) throw new NotSupportedException("The capture reads one-dimensional arrays only.");
        var count = BinaryPrimitives.ReadInt32BigEndian(raw[12..]);
        var at = 20;
        var items = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(raw[at..]);
            at += 4;
            if (length < 0) { items.Add("NULL"); continue; }
            items.Add(Quote(FromBinary(element, raw.Slice(at, length))));
            at += length;
        }
        return "{" + string.Join(',', items) + "}";
    }

    private static string Quote(string item) =>
        item.Length > 0 && !item.Equals("NULL", StringComparison.OrdinalIgnoreCase) && item.All(c => c is not ('{' or '}' or ',' or '"' or '\\') && !char.IsWhiteSpace(c))
            ? item
            : "\"" + item.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
