namespace Newsroom.Articles;

/// <summary>How a command answers success: the article with its version as the ETag.</summary>
public static class ArticleHttp
{
    public static string ETag(int version) => $"\"{version}\"";

    public static IResult Ok(HttpContext http, Article article)
    {
        http.Response.Headers.ETag = ETag(article.Version);
        return TypedResults.Ok(ArticleResponse.From(article));
    }

    public static IResult Created(HttpContext http, Article article)
    {
        http.Response.Headers.ETag = ETag(article.Version);
        return TypedResults.Created($"/api/articles/{article.Id}", ArticleResponse.From(article));
    }
}
