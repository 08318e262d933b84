using System.Net;
using System.Text.Json.Nodes;
using Alba;

namespace Newsroom.Tests.Integration.Contract;

/// <summary>
/// The contract collection's own host (started like every other, so it records too): it reads the OpenAPI
/// document and, before the contract tests judge anything, drives a handful of requests of its own (create, read,
/// an unknown id, no token, a bad body, the public list). So the contract tests always have answers to check, even
/// when they run alone; the full picture comes from running them after the integration tests (./test.sh with no
/// filter runs them last, see <see cref="ContractLastOrderer"/>).
/// </summary>
public sealed class ContractFixture : IAsyncLifetime
{
    public OpenApiContract Contract { get; private set; } = null!;
    private WebhookReceiver _receiver = null!;
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _host = await AppFixture.StartHostAsync(_receiver);
        var api = new Api(_host);

        var document = await api.Get("/openapi/v1.json", null);
        document.Status.ShouldBe(HttpStatusCode.OK, document.Text);
        Contract = new OpenApiContract(document.Json);

        var created = await api.Post("/api/articles", Users.Alice, Api.CompleteDraft("Contract smoke"));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        await api.Get($"/api/articles/{created.Json.Id()}", Users.Alice);
        await api.Get($"/api/articles/{Guid.NewGuid()}", Users.Alice);
        await api.Get("/api/articles", null);
        await api.Post("/api/articles", Users.Alice, new { headline = "" });
        await api.Get("/public/articles", null);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
    }
}

/// <summary>The contract tests: their own collection, run after all the others.</summary>
[CollectionDefinition(Name)]
public sealed class ContractCollection : ICollectionFixture<ContractFixture>
{
    public const string Name = "contract";

    /// <summary>
    /// Set by ./test.sh when it runs everything (no extra arguments). Only then is "declared but never observed"
    /// asserted: a filtered run observes a part of the API and would report the rest as never seen.
    /// </summary>
    public static bool FullRun => Environment.GetEnvironmentVariable("NEWSROOM_FULL_RUN") == "1";

    /// <summary>The recorded answers of operations the document describes or should (not the desk's excluded endpoints).</summary>
    public static IReadOnlyList<ObservedAnswer> DescribedAnswers()
    {
        var answers = ObservedAnswers.All.Where(a => a.Described).ToList();
        answers.ShouldNotBeEmpty("No answers were recorded: the contract tests judge what the integration tests observed; run them with the integration tests (./test.sh).");
        return answers;
    }
}
