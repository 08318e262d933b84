using Newsroom.Articles;

namespace Newsroom.History;

public sealed record HistoryItem(int Version, string Type, Actor Actor, DateTimeOffset At, int? Revision, string Summary,
    string? CorrelationId);
