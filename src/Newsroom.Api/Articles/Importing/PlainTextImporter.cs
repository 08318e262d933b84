using System.Text.RegularExpressions;

namespace Newsroom.Articles.Importing;

/// <summary>
/// What <see cref="PlainTextImporter.Parse"/> found in a plain-text article.
/// </summary>
/// <param name="Headline">The first paragraph, on one line.</param>
/// <param name="Standfirst">The short one-line second paragraph, when there is one.</param>
/// <param name="Body">The remaining paragraphs as Markdown: paragraphs separated by a blank line, subheadings as "## ".</param>
/// <param name="Category">The first category named by a trailing "This entry was posted in X." line, if any.</param>
/// <param name="Warnings">Things the caller may want to show the editor; the import itself still succeeded.</param>
public sealed record ImportedText(
    string Headline,
    string? Standfirst,
    string Body,
    string? Category,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Reads an article pasted or exported as plain text (typically copied from a blog) into headline,
/// standfirst and a Markdown body. Text is never rewritten: curly quotes, diacritics and the like are
/// kept exactly, only line endings and trailing spaces are normalised, and blog boilerplate at the
/// end ("Bookmark the permalink.") is dropped.
/// </summary>
public static partial class PlainTextImporter
{
    /// <summary>Headlines longer than this are kept, with a warning.</summary>
    public const int HeadlineWarningLength = 200;

    /// <summary>A one-line second paragraph up to this length is taken as the standfirst.</summary>
    public const int MaxStandfirstLength = 300;

    /// <summary>A one-line paragraph up to this length, without closing punctuation, is a subheading.</summary>
    public const int MaxSubheadingLength = 120;

    public static ImportedText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var paragraphs = SplitParagraphs(text);
        if (paragraphs.Count == 0)
            throw new FormatException("The text is empty.");

        var warnings = new List<string>();

        var headline = string.Join(' ', paragraphs[0].Select(line => line.Trim()));
        if (headline.Length > HeadlineWarningLength)
            warnings.Add($"The headline is {headline.Length} characters long; headlines should be at most {HeadlineWarningLength}.");

        var rest = paragraphs.Skip(1).ToList();
        var category = RemoveTrailingBoilerplate(rest);

        string? standfirst = null;
        // The second paragraph is a standfirst only if something is left for the body after it.
        if (rest.Count >= 2 && rest[0].Count == 1 && rest[0][0].Length <= MaxStandfirstLength)
        {
            standfirst = rest[0][0];
            rest.RemoveAt(0);
        }

        var body = new List<string>(rest.Count);
        for (var i = 0; i < rest.Count; i++)
        {
            var paragraph = rest[i];
            var followedByAnother = i < rest.Count - 1;
            body.Add(followedByAnother && IsSubheading(paragraph)
                ? "## " + paragraph[0]
                : string.Join('\n', paragraph));
        }

        if (body.Count == 0)
            warnings.Add("No body text was found after the headline.");

        return new ImportedText(headline, standfirst, string.Join("\n\n", body), category, warnings);
    }

    /// <summary>
    /// Splits on blank lines. Each paragraph is its list of lines, with trailing whitespace removed
    /// and the paragraph's leading whitespace removed; nothing else is changed.
    /// </summary>
    private static List<List<string>> SplitParagraphs(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');

        var paragraphs = new List<List<string>>();
        List<string>? current = null;

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                paragraphs.Add(current);
                line = line.TrimStart();
            }
            current.Add(line);
        }

        return paragraphs;
    }

    /// <summary>
    /// Removes blog footer lines from the end of <paramref name="paragraphs"/>, working back line by
    /// line until a line that is not boilerplate, and returns the category a "posted in" line named.
    /// </summary>
    private static string? RemoveTrailingBoilerplate(List<List<string>> paragraphs)
    {
        string? category = null;

        while (paragraphs.Count > 0)
        {
            var last = paragraphs[^1];
            var line = last[^1].Trim();

            var posted = PostedIn().Match(line);
            if (posted.Success)
                category ??= FirstCategory(posted.Groups["categories"].Value);
            else if (!OtherBoilerplate().IsMatch(line))
                break;

            last.RemoveAt(last.Count - 1);
            if (last.Count == 0) paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return category;
    }

    private static string? FirstCategory(string categories)
    {
        // WordPress writes "posted in News, World and tagged Korea, Russia."; the tags are not categories.
        var tagged = categories.IndexOf(" and tagged ", StringComparison.OrdinalIgnoreCase);
        if (tagged >= 0) categories = categories[..tagged];

        var first = categories.Split(',')[0].Trim().TrimEnd('.').Trim();
        return first.Length == 0 ? null : first;
    }

    private static bool IsSubheading(List<string> paragraph) =>
        paragraph.Count == 1
        && paragraph[0].Length <= MaxSubheadingLength
        && !EndsWithSentencePunctuation(paragraph[0]);

    private static bool EndsWithSentencePunctuation(string line)
    {
        // A closing quote or bracket counts only if punctuation comes before it: “... War.”
        var end = line.TrimEnd('"', '\'', '”', '’', '»', '›', ')', ']');
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or ':' or ';' or '…';
    }

    [GeneratedRegex(@"^This entry was posted in\s+(?<categories>.+?)\.?(?:\s+Bookmark the permalink\s*[.!]?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostedIn();

    [GeneratedRegex(@"^(?:Bookmark the permalink|This page contains geo-?tags)\s*[.!]?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherBoilerplate();
}
