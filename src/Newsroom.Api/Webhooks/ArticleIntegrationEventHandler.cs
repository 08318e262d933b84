namespace Newsroom.Webhooks;

/// <summary>Fans an integration event out to every configured subscriber.</summary>
public static class ArticleIntegrationEventHandler
{
    public static IEnumerable<DeliverWebhook> Handle(ArticleIntegrationEvent e, WebhookOptions options) =>
        options.Subscribers.Select(s => new DeliverWebhook(s.Name, e));
}
