namespace Newsroom.Webhooks;

/// <summary>Raised for a failed attempt so Wolverine's retry policy schedules the next one.</summary>
public sealed class WebhookDeliveryFailed(string message) : Exception(message);
