using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Newsroom.Tests.Integration;

/// <summary>A reader's request to the test host, as a browser makes it (or an API client), and the page it gets back.</summary>
public static class Browsing
{
    public const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    public static async Task<Visit> Visit(this HttpClient http, string url, string? accept = BrowserAccept, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Visit(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType, headers);
    }
}

public sealed record Visit(HttpStatusCode Status, string Text, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    public IDocument Document => new HtmlParser().ParseDocument(Text);
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public Visit ShouldBeHtml(HttpStatusCode status)
    {
        Status.ShouldBe(status, Text);
        ContentType.ShouldBe("text/html");
        return this;
    }
}
