using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Newsroom.Desk;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: no script, no library, readable without styles.
/// It is a picture with a title (role img); the page puts the same numbers in a table beside it.
/// </summary>
public static class BarChart
{
    private const int Width = 420, Bar = 18, Gap = 6, LabelWidth = 150;

    public static IHtmlContent Render(string title, IReadOnlyList<(string Label, double Value)> bars, Func<double, string>? format = null)
    {
        format ??= v => v.ToString("0.##", CultureInfo.InvariantCulture);
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var height = Math.Max(1, bars.Count) * (Bar + Gap) + Gap;
        var e = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\">");
        svg.Append("<title>").Append(e.Encode(title)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = Gap + i * (Bar + Gap);
            var length = max <= 0 ? 0 : (Width - LabelWidth - 60) * value / max;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{y + Bar - 4}\" class=\"chart-label\">{e.Encode(label)}</text>" +
                $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{Bar}\" class=\"chart-bar\"></rect>" +
                $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + Bar - 4}\" class=\"chart-value\">{e.Encode(format(value))}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
