using Newsroom.Articles.Reading;

namespace Newsroom.Public;

public static class SearchPage
{
    public static (int Size, int Offset) Parse(string? limit, string? cursor, IDictionary<string, string[]> errors)
    {
        var size = PageRequest.Parse(limit, null, errors).Limit;
        var offset = 0;
        if (cursor is not null)
        {
            var ok = cursor.StartsWith("o", StringComparison.Ordinal) && int.TryParse(cursor.AsSpan(1), out offset) && offset is >= 0 and <= 10_000;
            if (!ok) errors["cursor"] = ["The cursor is not one this service issued."];
        }
        return (size, offset);
    }

    public static string Encode(int offset) => "o" + offset;
}
