using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Reading;
using static Newsroom.Public.Reader.ReaderHtml;

namespace Newsroom.Public.Reader;

/// <summary>
/// The front page and the desk and tag pages: the newest articles, <see cref="ArticleList.PageSize"/> a page,
/// with a link to older ones (the same keyset cursor as the JSON list).
/// </summary>
public static class ListPages
{
    public static Task<IResult> FrontAsync(IQuerySession session, HttpContext http, PublicSite site, [FromQuery] string? cursor) =>
        ListAsync(session, http, site, cursor, null, null, "Latest news", PublicUrls.Front(site.BaseFor(http)),
            $"The latest news from {site.NameFor(http)}.");

    public static Task<IResult> DeskAsync(string desk, IQuerySession session, HttpContext http, PublicSite site, [FromQuery] string? cursor) =>
        desk.Length > 200 ? Task.FromResult(NotFound(site, http))
            : ListAsync(session, http, site, cursor, desk, null, Title(desk), PublicUrls.Desk(site.BaseFor(http), desk),
                $"The latest {desk} news from {site.NameFor(http)}.");

    public static Task<IResult> TagAsync(string tag, IQuerySession session, HttpContext http, PublicSite site, [FromQuery] string? cursor) =>
        tag.Length > 200 ? Task.FromResult(NotFound(site, http))
            : ListAsync(session, http, site, cursor, null, tag, Title(tag), PublicUrls.Tag(site.BaseFor(http), tag),
                $"News about {tag} from {site.NameFor(http)}.");

    private static async Task<IResult> ListAsync(IQuerySession session, HttpContext http, PublicSite site, string? cursor,
        string? desk, string? tag, string heading, string canonical, string description)
    {
        Cursor? after = null;
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, out var decoded))
                return ReaderLayout.Error(StatusCodes.Status400BadRequest, "Broken link",
                    "This link to older articles is not one this site made. Start again from the first page.", site, http);
            after = decoded;
        }
        var rows = await PublicQueries.NewestAsync(session, desk, tag, after, ArticleList.PageSize + 1, http.RequestAborted);
        // A desk or tag with nothing published is not a page (and not a soft 404 for search engines).
        if (rows.Count == 0 && (desk is not null || tag is not null || after is not null)) return NotFound(site, http);

        var items = rows.Take(ArticleList.PageSize).ToList();
        var main = new StringBuilder().Append("<h1>").Append(E(heading)).Append("</h1>\n");
        if (items.Count == 0) main.Append("<p>Nothing has been published yet.</p>\n");
        main.Append(ArticleList.Render(items, site.BaseFor(http)));
        if (rows.Count > ArticleList.PageSize || after is not null)
        {
            main.Append("<nav class=\"pages\" aria-label=\"More articles\">");
            if (after is not null) main.Append("<a href=\"").Append(E(Local(http, http.Request.Path))).Append("\">Newest</a> ");
            if (rows.Count > ArticleList.PageSize)
            {
                var next = new Cursor(items[^1].PublishedAt!.Value, items[^1].Id).Encode();
                main.Append("<a rel=\"next\" href=\"").Append(E(Local(http, http.Request.Path) + "?cursor=" + Uri.EscapeDataString(next)))
                    .Append("\">Older articles</a>");
            }
            main.Append("</nav>\n");
        }

        PublicCaching.Cacheable(http, SurrogateKeys.Lists);
        return ReaderLayout.Answer(new ReaderPage(heading, main.ToString())
        {
            Description = description,
            Canonical = canonical,
            NoIndex = after is not null
        }, site, http);
    }

    private static IResult NotFound(PublicSite site, HttpContext http) =>
        ReaderLayout.Error(StatusCodes.Status404NotFound, "Page not found", "There are no articles here.", site, http);

    private static string Title(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
