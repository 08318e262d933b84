namespace Newsroom.Public;

public static class PublicUrls
{
    public static string Article(Uri siteBase, string slug) => new Uri(siteBase, $"public/articles/{slug}").ToString();
}
