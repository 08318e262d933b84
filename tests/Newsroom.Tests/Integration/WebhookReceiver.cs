using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newsroom.Tests.Integration;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, a free port) standing in for a subscriber's endpoint.
/// <c>/hooks/steady</c> always answers 204; <c>/hooks/flaky</c> answers 503 to the first two attempts of
/// every event and 204 after that.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly ConcurrentDictionary<string, int> _attemptsPerEvent = new();

    public ConcurrentQueue<ReceivedHook> Received { get; } = new();
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks/{name}", async (string name, HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var eventId = http.Request.Headers["X-Newsroom-Event-Id"].ToString();
            var attempt = receiver._attemptsPerEvent.AddOrUpdate($"{name}:{eventId}", 1, (_, n) => n + 1);
            var ok = name != "flaky" || attempt > 2;
            receiver.Received.Enqueue(new ReceivedHook(name, eventId, http.Request.Headers["X-Newsroom-Event-Type"].ToString(),
                http.Request.Headers["X-Newsroom-Timestamp"].ToString(), http.Request.Headers["X-Newsroom-Signature"].ToString(),
                http.Request.ContentType, body, attempt, ok));
            return ok ? Results.NoContent() : Results.StatusCode(503);
        });
        await app.StartAsync();
        receiver._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public IReadOnlyList<ReceivedHook> For(string subscriber, Guid articleId) =>
        Received.Where(r => r.Subscriber == subscriber && r.Body.Contains(articleId.ToString())).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedHook(string Subscriber, string EventId, string EventType, string Timestamp, string Signature,
    string? ContentType, string Body, int Attempt, bool Accepted);
