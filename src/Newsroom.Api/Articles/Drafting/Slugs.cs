using System.Globalization;
using System.Text;
using AnyAscii;

namespace Newsroom.Articles.Drafting;

/// <summary>
/// Builds URL slugs for articles. Slugs are folded to lowercase ASCII (<c>[a-z0-9-]</c>) so that
/// article URLs are portable: they survive copy/paste, e-mail, logs and tools that mangle
/// percent-encoded Unicode, whatever script the headline is written in.
/// </summary>
public static class Slugs
{
    /// <summary>The longest base slug we produce; long enough to read, short enough for a URL.</summary>
    public const int MaxLength = 80;

    /// <summary>Used when a headline has nothing that transliterates to a letter or digit (emoji, punctuation).</summary>
    public const string Fallback = "article";

    /// <summary>
    /// Turns a headline into a slug: transliterated to ASCII, lowercased, each run of other
    /// characters collapsed to one '-', apostrophes dropped (so "Minister’s" gives "ministers",
    /// not "minister-s"), and capped at <see cref="MaxLength"/> characters at a word boundary.
    /// </summary>
    public static string FromHeadline(string headline)
    {
        ArgumentNullException.ThrowIfNull(headline);

        var slug = new StringBuilder(headline.Length);
        var pendingDash = false;

        foreach (var ch in ToAscii(headline))
        {
            var c = char.ToLowerInvariant(ch);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && slug.Length > 0) slug.Append('-');
                pendingDash = false;
                slug.Append(c);
            }
            else if (c is '\'' or '`')
            {
                // Apostrophes (and the '`' AnyAscii uses for marks such as the Arabic ain or the
                // Hawaiian okina) sit inside words: drop them rather than splitting the word.
            }
            else
            {
                pendingDash = true;
            }
        }

        var result = Cap(slug.ToString(), MaxLength);
        return result.Length == 0 ? Fallback : result;
    }

    /// <summary>
    /// Makes a slug unique by appending "-n" (n ≥ 2, the second article with the same slug),
    /// trimming the base at a word boundary so it stays within <see cref="MaxLength"/> and the
    /// whole stays within <see cref="MaxLength"/> plus the suffix.
    /// </summary>
    public static string WithSuffix(string slug, int n)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);

        var baseSlug = Cap(slug.Trim('-'), MaxLength);
        if (baseSlug.Length == 0) baseSlug = Fallback;

        return baseSlug + "-" + n.ToString(CultureInfo.InvariantCulture);
    }

    private static string ToAscii(string text)
    {
        var ascii = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                ascii.Append((char)rune.Value);
                continue;
            }

            // Flag emoji are pairs of regional indicators, which AnyAscii spells as letters ("🇰🇵" → "KP").
            if (rune.Value is >= 0x1F1E6 and <= 0x1F1FF) continue;

            var folded = rune.ToString().Transliterate();

            // AnyAscii spells other emoji as shortcodes (":tada:"); those are not words of the headline.
            if (folded.Length > 2 && folded[0] == ':' && folded[^1] == ':') continue;

            ascii.Append(folded);
        }
        return ascii.ToString();
    }

    /// <summary>Cuts <paramref name="slug"/> to at most <paramref name="max"/> characters, at a '-' when there is one.</summary>
    private static string Cap(string slug, int max)
    {
        if (slug.Length <= max) return slug.TrimEnd('-');

        // If the character just past the limit is a '-', the first max characters end on a word.
        if (slug[max] == '-') return slug[..max].TrimEnd('-');

        var lastDash = slug.LastIndexOf('-', max - 1);
        var cut = lastDash > 0 ? slug[..lastDash] : slug[..max];
        return cut.TrimEnd('-');
    }
}
