namespace Newsroom.Articles;

/// <summary>A message to send when the decision commits; <c>DeliverAt</c> makes it a durable scheduled message.</summary>
public sealed record OutgoingMessage(object Message, DateTimeOffset? DeliverAt = null);
