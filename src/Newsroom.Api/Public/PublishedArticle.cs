using Newsroom.Articles;

namespace Newsroom.Public;

/// <summary>
/// The public read model: what readers, feeds and wire partners see of an article once it has been
/// published. Kept by an async projection of the article streams; never written by a command.
/// </summary>
public sealed class PublishedArticle
{
    public Guid Id { get; set; }

    /// <summary>True from the first publication on (also after withdrawal, which answers 410).</summary>
    public bool EverPublished { get; set; }
    public bool Withdrawn { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    // The published state: the article's content at its last publication or correction.
    public string Slug { get; set; } = "";
    public string Headline { get; set; } = "";
    public string? Standfirst { get; set; }
    public string Body { get; set; } = "";
    /// <summary>The body rendered from Markdown and sanitized: safe to embed whatever the editors typed.</summary>
    public string Html { get; set; } = "";
    public string Desk { get; set; } = "";
    public List<string> Byline { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public string? Category { get; set; }
    public List<GeoLocation> Locations { get; set; } = [];
    public string Language { get; set; } = "en";
    public int Priority { get; set; } = ArticleContent.DefaultPriority;
    public DateTimeOffset? EmbargoUntil { get; set; }
    public int Revision { get; set; }

    /// <summary>Public version: 1 at publication, +1 for every correction (ninjs <c>version</c>).</summary>
    public int PublicVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public List<PublicCorrection> Corrections { get; set; } = [];
}

public sealed record PublicCorrection(string Note, DateTimeOffset At, int Revision);
