namespace Newsroom.Articles;

/// <summary>The article's version as an HTTP entity tag: what ETag carries and If-Match / If-None-Match send back.</summary>
public static class ArticleHttp
{
    public static string ETag(int version) => $"\"{version}\"";
}
