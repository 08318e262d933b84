using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Articles;
using Newsroom.Articles.Reading;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Webhooks;
using Wolverine.Http;

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
