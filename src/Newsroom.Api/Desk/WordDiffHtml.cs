using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Newsroom.History;

namespace Newsroom.Desk;

/// <summary>A word diff as HTML: insertions in <c>ins</c>, deletions in <c>del</c>, exactly the text's own spacing.</summary>
public static class WordDiffHtml
{
    public static IHtmlContent Render(IReadOnlyList<DiffPiece> pieces)
    {
        var html = new System.Text.StringBuilder("<span class=\"words\">");
        foreach (var piece in pieces)
        {
            var text = HtmlEncoder.Default.Encode(piece.Text);
            html.Append(piece.Op switch { "insert" => $"<ins>{text}</ins>", "delete" => $"<del>{text}</del>", _ => text });
        }
        return new HtmlString(html.Append("</span>").ToString());
    }
}
