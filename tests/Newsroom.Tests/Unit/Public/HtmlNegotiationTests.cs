using Microsoft.AspNetCore.Http;
using Newsroom.Public.Reader;

namespace Newsroom.Tests.Unit;

public class negotiating_html_or_json
{
    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", true)]   // Chromium, Firefox
    [InlineData("text/html", true)]
    [InlineData("application/xhtml+xml", true)]
    [InlineData("application/json;q=0.5, text/html", true)]
    [InlineData(null, false)]                                  // curl without -H, HttpClient
    [InlineData("*/*", false)]
    [InlineData("text/*", false)]
    [InlineData("application/json", false)]
    [InlineData("application/problem+json", false)]
    [InlineData("application/json, text/html", false)]         // a tie goes to the API's default
    [InlineData("application/json, text/html;q=0.5", false)]
    [InlineData("text/html;q=0", false)]
    [InlineData("not a media type;;;", false)]
    public void html_only_when_the_client_prefers_it(string? accept, bool html)
    {
        var http = new DefaultHttpContext();
        if (accept is not null) http.Request.Headers.Accept = accept;

        HtmlNegotiation.PrefersHtml(http.Request).ShouldBe(html);
        HtmlNegotiation.Representation(http.Request).ShouldBe(html ? "html" : "json");
    }
}
