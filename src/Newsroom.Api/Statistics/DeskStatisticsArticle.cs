using Newsroom.Articles;

namespace Newsroom.Statistics;

/// <summary>What the projection remembers of each article between its events.</summary>
public sealed class DeskStatisticsArticle
{
    public Guid Id { get; set; }
    public string Desk { get; set; } = "";
    public ArticleStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public bool Published { get; set; }
}
