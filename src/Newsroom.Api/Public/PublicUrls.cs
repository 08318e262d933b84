namespace Newsroom.Public;

public static class PublicUrls
{
    public static string Article(Uri siteBase, string slug) => new Uri(siteBase, $"public/articles/{slug}").ToString();
    public static string Front(Uri siteBase) => siteBase.ToString();
    public static string Desk(Uri siteBase, string desk) => new Uri(siteBase, $"public/desks/{Uri.EscapeDataString(desk)}").ToString();
    public static string Tag(Uri siteBase, string tag) => new Uri(siteBase, $"public/tags/{Uri.EscapeDataString(tag)}").ToString();
    public static string Search(Uri siteBase) => new Uri(siteBase, "public/search").ToString();
    public static string Stylesheet(Uri siteBase) => new Uri(siteBase, "public/reader.css").ToString();
    public static string Sitemap(Uri siteBase) => new Uri(siteBase, "sitemap.xml").ToString();
    public static string NewsSitemap(Uri siteBase) => new Uri(siteBase, "news-sitemap.xml").ToString();
}
