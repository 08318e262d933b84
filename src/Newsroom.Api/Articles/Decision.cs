using Newsroom.Infrastructure.Http;

namespace Newsroom.Articles;

/// <summary>
/// What a decider concluded: the events to append and the messages to send with them (in the same
/// transaction, through Wolverine's outbox), or the problem that refuses the command.
/// </summary>
public sealed record Decision(IReadOnlyList<IArticleEvent> Events, Problem? Problem, IReadOnlyList<OutgoingMessage> Messages)
{
    public bool IsAccepted => Problem is null;

    public static Decision Accept(params IArticleEvent[] events) => new(events, null, []);

    public Decision With(OutgoingMessage message) => this with { Messages = [.. Messages, message] };

    public static implicit operator Decision(Problem problem) => new([], problem, []);
}
