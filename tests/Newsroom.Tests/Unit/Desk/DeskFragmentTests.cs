using AngleSharp.Html.Parser;
using Newsroom.Desk;
using Newsroom.History;

namespace Newsroom.Tests.Unit.Desk;

/// <summary>The desk's server-drawn fragments, parsed as a browser would (AngleSharp), without a browser.</summary>
public class desk_fragments
{
    private static readonly HtmlParser Parser = new();

    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void a_word_diff_marks_insertions_and_deletions_and_never_lets_text_become_markup()
    {
        var html = Html(WordDiffHtml.Render([new DiffPiece("equal", "Council "), new DiffPiece("delete", "rejects"),
            new DiffPiece("insert", "approves <script>alert(1)</script>"), new DiffPiece("equal", " plan")]));
        var doc = Parser.ParseDocument(html);

        doc.QuerySelectorAll("script").ShouldBeEmpty();
        doc.QuerySelector("del")!.TextContent.ShouldBe("rejects");
        doc.QuerySelector("ins")!.TextContent.ShouldBe("approves <script>alert(1)</script>");
        // Reading everything but deletions gives the new text back, spacing included.
        string.Concat(doc.QuerySelector(".words")!.ChildNodes.Where(n => n.NodeName != "DEL").Select(n => n.TextContent))
            .ShouldBe("Council approves <script>alert(1)</script> plan");
    }

    [Fact]
    public void a_bar_chart_is_a_titled_picture_with_one_bar_per_value_scaled_to_the_largest()
    {
        var doc = Parser.ParseDocument(Html(BarChart.Render("Articles per status on the <world> desk", [("Draft", 4), ("Published", 2), ("Withdrawn", 0)])));
        var svg = doc.QuerySelector("svg")!;
        svg.GetAttribute("role").ShouldBe("img");
        svg.QuerySelector("title")!.TextContent.ShouldBe("Articles per status on the <world> desk");
        var widths = svg.QuerySelectorAll("rect").Select(r => double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        widths.Count.ShouldBe(3);
        widths[1].ShouldBe(widths[0] / 2, tolerance: 0.1);
        widths[2].ShouldBe(0);
        svg.QuerySelectorAll("text.chart-value").Select(t => t.TextContent).ShouldBe(["4", "2", "0"]);
    }
}
