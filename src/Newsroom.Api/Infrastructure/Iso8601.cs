using System.Globalization;

namespace Newsroom.Infrastructure;

public static class Iso8601
{
    /// <summary>UTC, ISO 8601 with Z, whatever the server's culture: "2026-07-27T09:00:00Z" (fractions only when present).</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
