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

    /// <summary>Refuses a command allowed only before first publication (spike, revise).</summary>
    public static Problem? RequirePrePublication(Article article, string action) =>
        RequireStatus(article, action, Enum.GetValues<ArticleStatus>().Where(s => s.IsPrePublication()).ToArray());

    /// <summary>Rule 7: publication (now or scheduled) needs an approval of the current revision.</summary>
    public static Problem? RequireCurrentApproval(Article article) =>
        article.ApprovedRevision == article.Revision
            ? null
            : Problem.InvalidTransition("The approval does not cover the current revision; it must be approved again.");

    /// <summary>Rule 8: no two live articles share a slug (the caller looked it up: <c>LiveArticles</c>).</summary>
    public static Problem? RequireFreeSlug(Article article, bool slugTakenByAnother) =>
        slugTakenByAnother
            ? new Problem(409, ErrorCodes.SlugTaken,
                $"Another live (published or withdrawn) article already uses the slug '{article.Slug}'; change the slug first.")
            : null;

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
