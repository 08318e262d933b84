using System.Globalization;
using System.Net;

namespace Newsroom.Public.Reader;

/// <summary>Small helpers for writing reader pages by hand: encoding and dates.</summary>
public static class ReaderHtml
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>Text or attribute value, encoded (quotes too, so it is safe in a double-quoted attribute).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A machine-readable time and how readers see it: "27 November 2026, 09:00 UTC".</summary>
    public static string Time(DateTimeOffset at) =>
        $"<time datetime=\"{Iso(at)}\">{E(at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture))}</time>";

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The byline as it reads: "A", "A and B", "A, B and C".</summary>
    public static string Byline(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1]
    };

    /// <summary>A path of this site as the browser should ask for it (behind a path base too).</summary>
    public static string Local(HttpContext http, string path) => http.Request.PathBase + path;
}
