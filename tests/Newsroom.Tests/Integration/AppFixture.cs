using Alba;
using JasperFx;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Hosting;
using Newsroom.Infrastructure.Identity;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Newsroom.Tests.Integration;

/// <summary>
/// One real application host for the whole test run: the real Program, Marten on a real PostgreSQL
/// (ConnectionStrings__Newsroom, set by test.sh), the real Wolverine pipeline. Nothing is mocked.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string WebhookSecret = "test-webhook-secret";
    public static readonly Uri PublicBase = new("https://news.example/");

    public IAlbaHost Host { get; private set; } = null!;
    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Host = await StartHostAsync(Receiver);
    }

    /// <summary>The application as configured for tests: two webhook subscribers on the receiver, fast retries.</summary>
    public static async Task<IAlbaHost> StartHostAsync(WebhookReceiver receiver, Action<IWebHostBuilder>? more = null)
    {
        JasperFxEnvironment.AutoStartHost = true;
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__Newsroom")))
            throw new InvalidOperationException("Run the tests with ./test.sh (it starts PostgreSQL) or set ConnectionStrings__Newsroom.");

        return await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Newsroom:DemoData", "false");
            builder.UseSetting("Newsroom:PublicBaseUrl", PublicBase.ToString());
            builder.UseSetting("Webhooks:RetryDelays", "0.2,0.4,0.8");
            builder.UseSetting("Webhooks:Subscribers:0:Name", "steady");
            builder.UseSetting("Webhooks:Subscribers:0:Url", new Uri(receiver.BaseUrl, "hooks/steady").ToString());
            builder.UseSetting("Webhooks:Subscribers:0:Secret", WebhookSecret);
            builder.UseSetting("Webhooks:Subscribers:1:Name", "flaky");
            builder.UseSetting("Webhooks:Subscribers:1:Url", new Uri(receiver.BaseUrl, "hooks/flaky").ToString());
            builder.UseSetting("Webhooks:Subscribers:1:Secret", WebhookSecret);
            // Records every answer for the contract tests (Integration/Contract), outermost in the pipeline.
            Contract.AnswerRecorder.Install(builder);
            more?.Invoke(builder);
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}

/// <summary>Base of every integration test: a clean database before each test, users and a client.</summary>
[Collection(ApiCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;
    protected WebhookReceiver Receiver => fixture.Receiver;

    /// <summary>Waits until the async daemon has caught up with every event appended so far (no sleeps).</summary>
    // Each test's reset stops the projections and has Wolverine start them again; now and then that took
    // longer than 15 s ("projection shards haven't been completely started", 1 full run in 5 before this
    // round, on the public-site tests). 30 s: 0 failures in 8 runs of that class and 4 full runs since.
    protected Task ProjectionsCaughtUp() => Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
    protected Api Api { get; } = new(fixture.Host);

    public virtual async Task InitializeAsync()
    {
        await Host.ResetAllMartenDataAsync();
        // The slug counters are a table of their own, not Marten data: without them a test's first
        // "Storm warning" would continue an earlier test's numbering.
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"truncate {Newsroom.Infrastructure.Persistence.MartenSetup.Schema}.{Newsroom.Articles.Drafting.SlugAllocator.CounterTable}");
            await session.SaveChangesAsync();
        }
        // The host outlives each test's data: pages cached by an earlier test must not answer for this one.
        await Host.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>()
            .EvictByTagAsync(Newsroom.Public.PublicPageCache.AllPagesTag, default);
        Host.Services.GetRequiredService<Newsroom.Articles.Reading.ArticleCache>().ForgetAll();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
}

/// <summary>The cast of the stories the tests tell.</summary>
public static class Users
{
    public static readonly TestUser Alice = new("alice", "Alice Editor", [Roles.Editor], ["world"]);
    public static readonly TestUser Bob = new("bob", "Bob Editor", [Roles.Editor], ["world"]);
    public static readonly TestUser Eve = new("eve", "Eve Editor", [Roles.Editor], ["politics"]);
    public static readonly TestUser Rita = new("rita", "Rita Reviewer", [Roles.Reviewer], ["world"]);
    public static readonly TestUser Ron = new("ron", "Ron Reviewer", [Roles.Reviewer], ["politics"]);
    public static readonly TestUser Paul = new("paul", "Paul Publisher", [Roles.Publisher], []);
    public static readonly TestUser Aude = new("aude", "Aude Auditor", [Roles.Auditor], []);
    public static readonly TestUser Ada = new("ada", "Ada Admin", [Roles.Admin], ["world"]);
    public static readonly TestUser Nobody = new("nobody", "No Roles", [], ["world"]);
}

public sealed record TestUser(string Id, string Name, string[] Roles, string[] Desks)
{
    /// <summary>The <c>publication</c> claim, for a service that serves several.</summary>
    public string? Publication { get; init; }

    public TestUser Of(string publication) => this with { Publication = publication };

    public string Token() => TokenIssuer.Issue(new AuthOptions(), false, Id, Name, Roles, Desks, publication: Publication);
}
