using Microsoft.Net.Http.Headers;

namespace Newsroom.Public.Reader;

/// <summary>
/// Which representation a public URL answers with: HTML when the client names <c>text/html</c> (or XHTML) above
/// JSON, as browsers do; JSON otherwise, also for <c>*/*</c> and no <c>Accept</c>, so API clients and scripts
/// keep the answer they had.
/// </summary>
public static class HtmlNegotiation
{
    public const string Html = "html";
    public const string Json = "json";

    public static bool PrefersHtml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        double html = 0, json = 0;
        foreach (var type in accepted)
        {
            var quality = type.Quality ?? 1.0;
            if (type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
                html = Math.Max(html, quality);
            else if (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase))
                json = Math.Max(json, quality);
        }
        // A tie goes to JSON, the API's default.
        return html > 0 && html > json;
    }

    public static string Representation(HttpRequest request) => PrefersHtml(request) ? Html : Json;
}
