using Newsroom.Articles;

namespace Newsroom.History;

public sealed record RevisionContent(int Revision, DateTimeOffset At, Actor By, string Headline, string? Standfirst,
    string Body, string Desk, IReadOnlyList<string> Byline, IReadOnlyList<string> Tags, string? Category,
    IReadOnlyList<GeoLocation> Locations, string Language, string Slug, DateTimeOffset? EmbargoUntil, int Priority)
{
    public static RevisionContent From(RevisionSnapshot s) => new(s.Revision, s.At, s.By, s.Content.Headline,
        s.Content.Standfirst, s.Content.Body ?? "", s.Content.Desk, s.Content.Byline, s.Content.Tags, s.Content.Category,
        s.Content.Locations, s.Content.Language, s.Content.Slug, s.Content.EmbargoUntil, s.Content.Priority);
}
