using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace Newsroom.Public.Rendering;

/// <summary>
/// Turns an article body (Markdown, possibly with raw HTML from wire copy) into HTML that is safe to embed
/// in the public site, the feeds and ninjs, whoever wrote it.
/// </summary>
public static class ArticleHtml
{
    // Raw HTML is deliberately left on: wire copy arrives as HTML inside the Markdown. Safety is the
    // sanitizer's job, never Markdig's. Extensions that only emit ids, classes or form controls
    // (auto-identifiers, generic attributes, task lists, footnotes) are left out because the sanitizer
    // would strip what makes them work.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private const string LinkRel = "nofollow noopener noreferrer";

    // Declared before the sanitizer: static fields initialise in text order.
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark",
        "blockquote", "ul", "ol", "li", "a", "br", "hr", "code", "pre",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "img", "sub", "sup"
    };

    // Harmless wrappers whose text is part of the article: wire copy nests paragraphs in div/span
    // and the like. Unwrapping them keeps the words; every other disallowed element (script, style,
    // iframe, svg, math, object, form, template, ...) goes with all it contains, so nothing hidden in
    // it reaches the page even as text.
    private static readonly HashSet<string> UnwrappedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "body", "div", "span", "section", "article", "header", "footer", "main", "aside", "nav",
        "address", "font", "center", "small", "big", "abbr", "acronym", "cite", "q", "dfn", "kbd", "samp",
        "var", "tt", "strike", "time", "data", "bdi", "bdo", "dl", "dt", "dd",
        "details", "summary", "picture", "wbr"
    };

    // What survives is an allow-list of article markup: nothing that runs script, loads a frame or a
    // plugin, submits a form or restyles the page. No style/class/id (no CSS, no classjacking, no
    // DOM clobbering), no event handlers, and URLs only by http, https or mailto — javascript:, data:
    // and vbscript: links and images lose their URL. del/ins/mark are here because Markdig's emphasis
    // extras produce them; caption/tfoot because tables from the wire carry them.
    // One instance is shared: HtmlSanitizer documents Sanitize() as thread-safe on a single instance as
    // long as nobody changes its settings afterwards, and nothing outside this class can reach it.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Renders Markdown to sanitized HTML. Null or blank gives "".</summary>
    public static string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";

        var document = Markdown.Parse(markdown, Pipeline);
        DemoteTopLevelHeadings(document);
        return Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>Sanitizes HTML from any source (rendered Markdown, wire copy). Null or blank gives "".</summary>
    public static string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        return Sanitizer.Sanitize(html).Trim();
    }

    // The headline is the page's only h1, so "# Heading" in a body becomes h2.
    private static void DemoteTopLevelHeadings(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.Level < 2) heading.Level = 2;
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = AllowedTags,
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "colspan", "rowspan"
            },
            // Screening list: these attributes are checked against AllowedSchemes.
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            UriListAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
            AllowDataAttributes = false,
            AllowCssCustomProperties = false
        })
        {
            KeepChildNodes = false
        };

        sanitizer.RemovingTag += (_, e) =>
        {
            var tag = e.Tag;
            if (tag.LocalName == "h1" && tag.NamespaceUri == NamespaceNames.HtmlUri)
            {
                e.Cancel = true;
                var h2 = tag.Owner!.CreateElement("h2");
                h2.Append([.. tag.ChildNodes]);
                tag.Replace(h2);
            }
            else if (UnwrappedTags.Contains(tag.LocalName) && tag.NamespaceUri == NamespaceNames.HtmlUri)
            {
                e.Cancel = true;
                tag.Replace([.. tag.ChildNodes]);
            }
        };

        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link && link.HasAttribute("href"))
                link.SetAttribute("rel", LinkRel);
        };

        return sanitizer;
    }
}
