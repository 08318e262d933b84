namespace Newsroom.Articles;

public static class ArticleStatusExtensions
{
    /// <summary>States before first publication: the ones an article can be spiked from.</summary>
    public static bool IsPrePublication(this ArticleStatus status) =>
        status is ArticleStatus.Draft or ArticleStatus.InReview or ArticleStatus.ChangesRequested
            or ArticleStatus.Approved or ArticleStatus.Scheduled;

    /// <summary>The wire name, e.g. <c>in_review</c>; used in messages and summaries.</summary>
    public static string ToWireName(this ArticleStatus status) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
