using System.Net;
using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;

namespace Newsroom.Tests.Integration;

/// <summary>A host of its own, configured with a tiny limit, so the shared host keeps the default.</summary>
public class rate_limiting : IAsyncLifetime
{
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        _host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("RateLimiting:PermitsPerMinute", "3");
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task a_caller_over_the_limit_gets_429_with_retry_after_while_others_go_on()
    {
        var api = new Api(_host);
        var replies = new List<Reply>();
        for (var i = 0; i < 5; i++) replies.Add(await api.Get("/api/articles", Users.Alice));

        replies.Take(3).ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        var limited = replies.Last();
        limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");

        var raw = await _host.Server.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/articles")
            { Headers = { Authorization = new("Bearer", Users.Alice.Token()) } });
        raw.Headers.RetryAfter.ShouldNotBeNull();

        (await api.Get("/api/articles", Users.Bob)).Status.ShouldBe(HttpStatusCode.OK);
    }
}
