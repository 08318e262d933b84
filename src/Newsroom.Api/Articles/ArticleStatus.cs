namespace Newsroom.Articles;

/// <summary>Where an article stands in the editorial workflow (serialized as snake_case on the wire).</summary>
public enum ArticleStatus
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Scheduled,
    Published,
    Withdrawn,
    Spiked
}
