using System.Text;
using static Newsroom.Public.Reader.ReaderHtml;

namespace Newsroom.Public.Reader;

/// <summary>A list of article teasers: headline linking to the article's public URL, standfirst, byline and date.</summary>
public static class ArticleList
{
    /// <summary>Articles per page of the reader's lists and search results.</summary>
    public const int PageSize = 20;

    public static string Render(IEnumerable<PublishedArticle> articles, Uri siteBase)
    {
        var html = new StringBuilder("<ol class=\"articles\">\n");
        var any = false;
        foreach (var article in articles)
        {
            any = true;
            html.Append("<li><article>\n<h2><a href=\"").Append(E(PublicUrls.Article(siteBase, article.Slug))).Append("\">")
                .Append(E(article.Headline)).Append("</a></h2>\n");
            if (!string.IsNullOrWhiteSpace(article.Standfirst)) html.Append("<p>").Append(E(article.Standfirst)).Append("</p>\n");
            html.Append("<p class=\"meta\">");
            if (article.Byline.Count > 0) html.Append(E(Byline(article.Byline))).Append(" · ");
            html.Append(Time(article.PublishedAt!.Value)).Append("</p>\n</article></li>\n");
        }
        return any ? html.Append("</ol>\n").ToString() : "";
    }
}
