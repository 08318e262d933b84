using Newsroom.Webhooks;
using Wolverine;

namespace Newsroom.Articles;

public static class Outbox
{
    /// <summary>
    /// Hands the decision's messages, and the integration events its domain events mean, to Wolverine.
    /// They are stored with the events when the session commits and only then sent.
    /// </summary>
    public static async Task SendAsync(IMessageBus bus, Article before, Decision decision)
    {
        foreach (var outgoing in decision.Messages)
        {
            if (outgoing.DeliverAt is { } at) await bus.ScheduleAsync(outgoing.Message, at);
            else await bus.PublishAsync(outgoing.Message);
        }
        foreach (var integration in IntegrationEvents.For(before, decision.Events))
            await bus.PublishAsync(integration);
    }

    /// <summary>
    /// After a failed commit: the events were not written, so neither may the messages be sent. Wolverine
    /// would otherwise flush what was queued when the endpoint returns (a test proves it did).
    /// </summary>
    public static async Task DiscardAsync(IMessageBus bus)
    {
        if (bus is Wolverine.Runtime.MessageContext context) await context.ClearAllAsync();
    }
}
