using Newsroom.Articles;

namespace Newsroom.History;

public sealed record RevisionSummary(int Revision, DateTimeOffset At, Actor By, string Headline,
    IReadOnlyList<string> ChangedFields, string? CorrectionNote);
