using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Newsroom.Infrastructure;
using Newsroom.Public;
using Wolverine;

namespace Newsroom.Webhooks;

/// <summary>Fans an integration event out to every configured subscriber.</summary>
public static class ArticleIntegrationEventHandler
{
    public static IEnumerable<DeliverWebhook> Handle(ArticleIntegrationEvent e, WebhookOptions options) =>
        options.Subscribers.Select(s => new DeliverWebhook(s.Name, e));
}
