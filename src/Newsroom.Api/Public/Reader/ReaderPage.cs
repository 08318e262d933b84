namespace Newsroom.Public.Reader;

/// <summary>
/// One reader page before the layout wraps it: <see cref="Head"/> and <see cref="Main"/> are markup this code wrote
/// (every value in them already encoded); the rest is plain text.
/// </summary>
public sealed record ReaderPage(string Title, string Main)
{
    public string? Description { get; init; }
    public string? Canonical { get; init; }
    public string Language { get; init; } = "en";
    public string Head { get; init; } = "";
    /// <summary>Error pages, empty searches and later pages of a list are not for search engines.</summary>
    public bool NoIndex { get; init; }
}
