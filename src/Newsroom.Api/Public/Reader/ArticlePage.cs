using System.Text;
using Marten;
using Newsroom.Infrastructure.Http;
using static Newsroom.Public.Reader.ReaderHtml;

namespace Newsroom.Public.Reader;

/// <summary>
/// The article at its public URL for browsers (the HTML alternative of <c>GET /public/articles/{slug}</c>): the
/// same read model, lookup, cache keys and conditional requests as the JSON, with a page around it.
/// </summary>
public static class ArticlePage
{
    /// <summary>Changes when the page's markup changes, so an HTML ETag never claims an older layout is current.</summary>
    public const int LayoutVersion = 1;

    public static async Task<IResult> GetAsync(string slug, IQuerySession session, HttpContext http, PublicSite site)
    {
        var article = await PublicLookup.BySlugAsync(session, slug, http.RequestAborted);
        if (article is null)
            return ReaderLayout.Error(StatusCodes.Status404NotFound, "Page not found", "There is no article at this address.", site, http);
        if (article.Withdrawn)
        {
            // Cacheable under the article's key, like the JSON 410.
            PublicCaching.Cacheable(http, SurrogateKeys.Article(article.Id));
            var when = article.WithdrawnAt is { } at ? $" on {Time(at)}" : "";
            return ReaderLayout.Answer(new ReaderPage("Article withdrawn",
                $"<h1>Article withdrawn</h1>\n<p>This article was withdrawn{when} and is no longer available.</p>\n" +
                $"<p><a href=\"{E(Local(http, "/"))}\">To the front page</a></p>\n") { NoIndex = true, Language = article.Language },
                site, http, StatusCodes.Status410Gone);
        }

        var etag = $"\"h{article.PublicVersion}.{LayoutVersion}\"";
        http.Response.Headers.ETag = etag;
        PublicCaching.Cacheable(http, SurrogateKeys.Article(article.Id));
        if (ConditionalRequests.ClientHas(http.Request, etag)) return Results.StatusCode(StatusCodes.Status304NotModified);

        var siteBase = site.BaseFor(http);
        return ReaderLayout.Answer(Page(article, site, siteBase, http), site, http);
    }

    public static ReaderPage Page(PublishedArticle article, PublicSite site, Uri siteBase, HttpContext http)
    {
        var url = PublicUrls.Article(siteBase, article.Slug);
        var description = string.IsNullOrWhiteSpace(article.Standfirst) ? null : article.Standfirst;
        var head = new StringBuilder()
            .Append(Meta("property", "og:type", "article"))
            .Append(Meta("property", "og:site_name", site.NameFor(http)))
            .Append(Meta("property", "og:title", article.Headline))
            .Append(Meta("property", "og:url", url))
            .Append(description is null ? "" : Meta("property", "og:description", description))
            .Append(Meta("property", "og:locale", article.Language))
            .Append(Meta("property", "article:published_time", Iso(article.PublishedAt!.Value)))
            .Append(Meta("property", "article:modified_time", Iso(article.UpdatedAt ?? article.PublishedAt!.Value)))
            .Append(Meta("property", "article:section", article.Category ?? article.Desk))
            .Append(string.Concat(article.Tags.Select(t => Meta("property", "article:tag", t))))
            .Append(Meta("name", "twitter:card", "summary"))
            .Append(Meta("name", "twitter:title", article.Headline))
            .Append(description is null ? "" : Meta("name", "twitter:description", description))
            .Append("<script type=\"application/ld+json\">").Append(NewsArticleJsonLd.For(article, site.NameFor(http), siteBase)).Append("</script>\n");

        var main = new StringBuilder()
            .Append("<article>\n<header>\n")
            .Append("<p class=\"section\"><a href=\"").Append(E(Local(http, "/public/desks/" + Uri.EscapeDataString(article.Desk)))).Append("\">")
            .Append(E(article.Category ?? article.Desk)).Append("</a></p>\n")
            .Append("<h1>").Append(E(article.Headline)).Append("</h1>\n");
        if (description is not null) main.Append("<p class=\"standfirst\">").Append(E(description)).Append("</p>\n");
        main.Append("<p class=\"meta\">");
        if (article.Byline.Count > 0) main.Append("<span class=\"byline\">By ").Append(E(Byline(article.Byline))).Append("</span> · ");
        main.Append("Published ").Append(Time(article.PublishedAt!.Value));
        if (article.Corrections.Count > 0 && article.UpdatedAt is { } updated) main.Append(" · Updated ").Append(Time(updated));
        main.Append("</p>\n</header>\n");
        if (article.Corrections.Count > 0)
        {
            main.Append("<section class=\"corrections\" aria-labelledby=\"corrections\">\n<h2 id=\"corrections\">Corrections</h2>\n<ul>\n");
            foreach (var correction in article.Corrections)
                main.Append("<li>").Append(Time(correction.At)).Append(": ").Append(E(correction.Note)).Append("</li>\n");
            main.Append("</ul>\n</section>\n");
        }
        // Rendered from Markdown and sanitized by the projection (ArticleHtml): safe to embed as it is.
        main.Append("<div class=\"body\">\n").Append(article.Html).Append("\n</div>\n");
        if (article.Tags.Count > 0)
        {
            main.Append("<footer>\n<h2>Topics</h2>\n<ul class=\"tags\">\n");
            foreach (var tag in article.Tags)
                main.Append("<li><a href=\"").Append(E(Local(http, "/public/tags/" + Uri.EscapeDataString(tag)))).Append("\">").Append(E(tag)).Append("</a></li>\n");
            main.Append("</ul>\n</footer>\n");
        }
        main.Append("</article>\n");

        return new ReaderPage(article.Headline, main.ToString())
        {
            Description = description,
            Canonical = url,
            Language = article.Language,
            Head = head.ToString()
        };
    }

    private static string Meta(string attribute, string name, string content) =>
        $"<meta {attribute}=\"{name}\" content=\"{E(content)}\">\n";
}
