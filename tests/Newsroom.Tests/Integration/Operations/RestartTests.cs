using Alba;
using Microsoft.AspNetCore.Hosting;

namespace Newsroom.Tests.Integration;

/// <summary>
/// Durability across a restart: the service is stopped between the command and the moment its work is due,
/// and a new instance finishes it. These hosts use a database of their own, so the shared test host (which
/// is a live node of its own) cannot pick the work up instead.
/// </summary>
public class surviving_a_restart : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _connectionString = await OwnDatabase.CreateAsync("restart");
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private Task<IAlbaHost> StartAsync(string retryDelays = "0.2,0.4,0.8") => AppFixture.StartHostAsync(_receiver, b =>
    {
        b.UseSetting("ConnectionStrings:Newsroom", _connectionString);
        b.UseSetting("Webhooks:RetryDelays", retryDelays);
    });

    [Fact]
    public async Task a_scheduled_publication_fires_on_the_next_instance()
    {
        Guid id;
        await using (var first = await StartAsync())
        {
            var api = new Api(first);
            var approved = await api.Approved();
            id = approved.Id();
            await Api.Ok(api.Post($"/api/articles/{id}/schedule", Users.Paul,
                new { version = approved.Version(), publishAt = DateTimeOffset.UtcNow.AddSeconds(3) }));
        } // stopped before the publication time

        await using var second = await StartAsync();
        var published = await Eventually.Get(() => new Api(second).Get($"/api/articles/{id}", Users.Paul),
            r => r.Json.Status() == "published", TimeSpan.FromSeconds(30), "publication by the second instance");
        published.Json.Str("publishedAt").ShouldEndWith("Z");
    }

    [Fact]
    public async Task an_undelivered_webhook_is_retried_by_the_next_instance()
    {
        Guid id;
        await using (var first = await StartAsync(retryDelays: "2,2"))
        {
            var published = await new Api(first).Published();
            id = published.Id();
            await Eventually.True(() => _receiver.For("flaky", id).Count >= 1, what: "the first (refused) attempt");
        } // stopped while the retry waits in the store

        _receiver.For("flaky", id).Any(h => h.Accepted).ShouldBeFalse();
        await using var second = await StartAsync(retryDelays: "2,2");
        await Eventually.True(() => _receiver.For("flaky", id).Any(h => h.Accepted), TimeSpan.FromSeconds(40), "delivery by the second instance");
        _receiver.For("steady", id).Count(h => h.Accepted).ShouldBe(1);
    }
}
