using System.Net;
using System.Text.RegularExpressions;

namespace Newsroom.Tests.Integration;

/// <summary>For tests that post the desk's forms over plain HTTP (no browser): the antiforgery field of a rendered page.</summary>
public static partial class DeskForms
{
    public const string TokenField = "__RequestVerificationToken";

    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(TokenInput().Match(html) is { Success: true } m ? m.Groups["token"].Value : throw new InvalidOperationException("No antiforgery token in:\n" + html));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenInput();
}
