using Newsroom.Infrastructure.Http;

namespace Newsroom.Articles.Reading;

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
