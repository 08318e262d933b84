using Newsroom.Infrastructure.Http;

namespace Newsroom.Articles;

/// <summary>What a decider concluded: the events to append, or the problem that refuses the command.</summary>
public sealed record Decision(IReadOnlyList<IArticleEvent> Events, Problem? Problem)
{
    public bool IsAccepted => Problem is null;

    public static Decision Accept(params IArticleEvent[] events) => new(events, null);

    public static implicit operator Decision(Problem problem) => new([], problem);
}
