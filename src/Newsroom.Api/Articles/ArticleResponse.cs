namespace Newsroom.Articles;

/// <summary>The article representation of the HTTP contract (docs/api-guide.md). Board items leave the body out (null).</summary>
public sealed record ArticleResponse(
    Guid Id,
    int Version,
    int Revision,
    ArticleStatus Status,
    string Headline,
    string? Standfirst,
    string? Body,
    string Desk,
    IReadOnlyList<string> Byline,
    IReadOnlyList<string> Tags,
    string? Category,
    IReadOnlyList<GeoLocation> Locations,
    string Language,
    string Slug,
    DateTimeOffset? EmbargoUntil,
    int Priority,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Reviewer,
    int? ApprovedRevision,
    string? ApprovedBy,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<CorrectionResponse> Corrections,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason)
{
    public static ArticleResponse From(Article a, bool includeBody = true) => new(
        a.Id, a.Version, a.Revision, a.Status,
        a.Content.Headline, a.Content.Standfirst, includeBody ? a.Content.Body ?? "" : null,
        a.Content.Desk, a.Content.Byline, a.Content.Tags, a.Content.Category, a.Content.Locations,
        a.Content.Language, a.Content.Slug, a.Content.EmbargoUntil, a.Content.Priority,
        a.CreatedBy.Id, a.CreatedAt, a.UpdatedAt,
        a.Reviewer, a.ApprovedRevision, a.ApprovedBy?.Id, a.ScheduledFor, a.PublishedAt,
        a.Corrections.Select(c => new CorrectionResponse(c.Note, c.At, c.By.Id, c.Revision)).ToList(),
        a.WithdrawnAt, a.WithdrawalReason);
}
