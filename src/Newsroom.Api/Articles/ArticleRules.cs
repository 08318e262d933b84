using System.Text.RegularExpressions;
using Newsroom.Infrastructure.Http;

namespace Newsroom.Articles;

/// <summary>Editorial rules shared by several deciders. Pure functions of the article's state.</summary>
public static partial class ArticleRules
{
    public const int MinimumWordsForReview = 50;

    /// <summary>Refuses a command that the article's status does not allow (409 <c>invalid_transition</c>).</summary>
    public static Problem? RequireStatus(Article article, string action, params ArticleStatus[] allowed)
    {
        if (allowed.Contains(article.Status)) return null;
        var from = string.Join(", ", allowed.Select(s => s.ToWireName()));
        return Problem.InvalidTransition(
            $"Cannot {action} an article that is {article.Status.ToWireName()}; it is allowed only from: {from}.");
    }

    /// <summary>Rule 4: what review needs. Field → what is missing; empty when complete.</summary>
    public static Dictionary<string, string[]> MissingForReview(ArticleContent content)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(content.Headline)) missing["headline"] = ["A headline is required."];
        if (string.IsNullOrWhiteSpace(content.Desk)) missing["desk"] = ["A desk is required."];
        if (!content.Byline.Any(n => !string.IsNullOrWhiteSpace(n))) missing["byline"] = ["At least one byline name is required."];
        var words = WordCount(content.Body);
        if (words < MinimumWordsForReview)
            missing["body"] = [$"The body needs at least {MinimumWordsForReview} words; it has {words}."];
        return missing;
    }

    public static int WordCount(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : Word().Matches(text).Count;

    // A word is a run of letters or digits (apostrophes and hyphens inside it included); Markdown markup is not a word.
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
