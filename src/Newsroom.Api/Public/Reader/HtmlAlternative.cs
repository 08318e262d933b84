namespace Newsroom.Public.Reader;

/// <summary>
/// Endpoint metadata: this endpoint is the HTML representation of a JSON endpoint with the same route, chosen by
/// <see cref="HtmlAlternativePolicy"/> when the client prefers HTML.
/// </summary>
public sealed class HtmlAlternative
{
    public static readonly HtmlAlternative Instance = new();
}
