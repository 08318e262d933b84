using System.Text;
using static Newsroom.Public.Reader.ReaderHtml;

namespace Newsroom.Public.Reader;

/// <summary>
/// The frame of every reader page: the head (title, description, canonical link, the one stylesheet), the site's
/// header with a search form, and a footer. No script: the pages are read, never run (the CSP forbids script).
/// </summary>
public static class ReaderLayout
{
    public static string Render(ReaderPage page, PublicSite site, HttpContext http)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(page.Language)).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(page.Title)).Append(" – ").Append(E(site.NameFor(http))).Append("</title>\n");
        if (!string.IsNullOrWhiteSpace(page.Description))
            html.Append("<meta name=\"description\" content=\"").Append(E(page.Description)).Append("\">\n");
        if (page.Canonical is not null)
            html.Append("<link rel=\"canonical\" href=\"").Append(E(page.Canonical)).Append("\">\n");
        if (page.NoIndex) html.Append("<meta name=\"robots\" content=\"noindex\">\n");
        html.Append("<link rel=\"stylesheet\" href=\"").Append(E(Local(http, "/public/reader.css"))).Append("\">\n")
            .Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(E(site.NameFor(http)))
            .Append("\" href=\"").Append(E(Local(http, "/public/feed.atom"))).Append("\">\n")
            .Append(page.Head)
            .Append("</head>\n<body>\n<header class=\"site\">\n")
            .Append("<a class=\"name\" href=\"").Append(E(Local(http, "/"))).Append("\">").Append(E(site.NameFor(http))).Append("</a>\n")
            .Append("<form role=\"search\" method=\"get\" action=\"").Append(E(Local(http, "/public/search"))).Append("\">")
            .Append("<label for=\"site-search\">Search</label> ")
            .Append("<input id=\"site-search\" name=\"q\" type=\"search\" maxlength=\"200\"> ")
            .Append("<button type=\"submit\">Search</button></form>\n")
            .Append("</header>\n<main>\n")
            .Append(page.Main)
            .Append("</main>\n<footer class=\"site\"><p><a href=\"").Append(E(Local(http, "/public/feed.atom"))).Append("\">Atom feed</a> · ")
            .Append("<a href=\"").Append(E(Local(http, "/public/feed.rss"))).Append("\">RSS feed</a></p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The page as an answer with its status; the security headers come from the service's middleware.</summary>
    public static IResult Answer(ReaderPage page, PublicSite site, HttpContext http, int status = StatusCodes.Status200OK) =>
        Results.Content(Render(page, site, http), ContentType, Encoding.UTF8, status);

    /// <summary>A short human page for what went wrong (unknown page, bad paging), with the right status.</summary>
    public static IResult Error(int status, string title, string message, PublicSite site, HttpContext http) =>
        Answer(new ReaderPage(title, $"<h1>{E(title)}</h1>\n<p>{E(message)}</p>\n<p><a href=\"{E(Local(http, "/"))}\">To the front page</a></p>\n")
            { NoIndex = true }, site, http, status);
}
