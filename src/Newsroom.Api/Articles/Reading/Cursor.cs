using System.Buffers.Text;
using System.Text;

using Newsroom.Infrastructure.Http;

namespace Newsroom.Articles.Reading;

/// <summary>
/// Keyset pagination cursor: the sort key of the last item of a page (a time and the id that breaks ties),
/// opaque to clients. Keyset rather than offset so pages stay stable while articles keep moving.
/// </summary>
public readonly record struct Cursor(DateTimeOffset At, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{At.UtcTicks}:{Id:N}"));

    public static bool TryDecode(string? value, out Cursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > 200) return false;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], out var ticks) || !Guid.TryParseExact(parts[1], "N", out var id)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            cursor = new Cursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>A list request's <c>limit</c> (1–200, default 50) and <c>cursor</c>, as every list reads them.</summary>
public readonly record struct PageRequest(int Limit, Cursor? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Reads both parameters; what is wrong with them goes into <paramref name="errors"/>.</summary>
    public static PageRequest Parse(string? limit, string? cursor, IDictionary<string, string[]> errors)
    {
        var size = DefaultLimit;
        if (limit is not null && !(int.TryParse(limit, out size) && size is >= 1 and <= MaxLimit))
        {
            errors["limit"] = [$"limit is a whole number from 1 to {MaxLimit}."];
            size = DefaultLimit;
        }

        Cursor? after = null;
        if (cursor is not null)
        {
            if (Cursor.TryDecode(cursor, out var decoded)) after = decoded;
            else errors["cursor"] = ["The cursor is not one this service issued."];
        }
        return new PageRequest(size, after);
    }

    /// <summary>
    /// Turns up to <c>Limit + 1</c> rows (the extra one only says another page exists) into a page whose
    /// <c>next</c> is the cursor of its last item.
    /// </summary>
    public Page<TItem> ToPage<TRow, TItem>(IReadOnlyList<TRow> rows, Func<TRow, Cursor> keyOf, Func<TRow, TItem> map)
    {
        var items = rows.Take(Limit).ToList();
        var next = rows.Count > Limit ? keyOf(items[^1]).Encode() : null;
        return new Page<TItem>(items.Select(map).ToList(), next);
    }
}
