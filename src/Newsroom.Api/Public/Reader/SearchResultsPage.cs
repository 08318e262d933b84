using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using static Newsroom.Public.Reader.ReaderHtml;

namespace Newsroom.Public.Reader;

/// <summary>
/// Search results for readers: the public full-text search (<see cref="PublicSearch"/>, the same ranking as
/// <c>GET /public/articles?q=</c>), <see cref="ArticleList.PageSize"/> a page, paged by position.
/// </summary>
public static class SearchResultsPage
{
    public const int MaxQueryLength = 200;

    public static async Task<IResult> GetAsync(IQuerySession session, HttpContext http, PublicSite site,
        [FromQuery] string? q, [FromQuery] string? cursor)
    {
        if (q is { Length: > MaxQueryLength })
            return ReaderLayout.Error(StatusCodes.Status400BadRequest, "Search too long",
                $"A search is at most {MaxQueryLength} characters. Try fewer words.", site, http);
        var errors = new Dictionary<string, string[]>();
        var (_, offset) = SearchPage.Parse(null, cursor, errors);
        if (errors.Count > 0)
            return ReaderLayout.Error(StatusCodes.Status400BadRequest, "Broken link",
                "This link to more results is not one this site made. Search again.", site, http);

        var text = q?.Trim() ?? "";
        var main = new StringBuilder();
        if (text.Length == 0)
        {
            main.Append("<h1>Search</h1>\n<p>Type words to look for in the search field above.</p>\n");
        }
        else
        {
            var found = await PublicSearch.SearchAsync(session, text, null, null, ArticleList.PageSize + 1, offset, http.RequestAborted);
            main.Append("<h1>Results for “").Append(E(text)).Append("”</h1>\n");
            if (found.Count == 0) main.Append("<p>No article matches this search.</p>\n");
            main.Append(ArticleList.Render(found.Take(ArticleList.PageSize), site.BaseFor(http)));
            if (found.Count > ArticleList.PageSize || offset > 0)
            {
                var searchPath = Local(http, "/public/search") + "?q=" + Uri.EscapeDataString(text);
                main.Append("<nav class=\"pages\" aria-label=\"More results\">");
                if (offset > 0)
                {
                    var previous = Math.Max(0, offset - ArticleList.PageSize);
                    main.Append("<a rel=\"prev\" href=\"").Append(E(previous == 0 ? searchPath : searchPath + "&cursor=" + SearchPage.Encode(previous)))
                        .Append("\">Previous results</a> ");
                }
                if (found.Count > ArticleList.PageSize)
                    main.Append("<a rel=\"next\" href=\"").Append(E(searchPath + "&cursor=" + SearchPage.Encode(offset + ArticleList.PageSize)))
                        .Append("\">More results</a>");
                main.Append("</nav>\n");
            }
        }

        PublicCaching.Cacheable(http, SurrogateKeys.Lists);
        // Result pages are for people, not for search engines' indexes.
        return ReaderLayout.Answer(new ReaderPage(text.Length == 0 ? "Search" : $"Results for “{text}”", main.ToString()) { NoIndex = true },
            site, http);
    }
}
