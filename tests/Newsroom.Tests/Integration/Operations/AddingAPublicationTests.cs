using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Newsroom.Infrastructure.Identity;
using Npgsql;

namespace Newsroom.Tests.Integration;

/// <summary>
/// Adding a publication is configuration plus <c>db-apply</c>, no code (ADR 0033): in Production, where the service
/// never changes the schema itself, <c>db-apply</c> creates each publication's event store, read models and
/// Wolverine message tables, and the service then runs a scheduled publication in each.
/// </summary>
public class adding_a_publication
{
    private const string Key = "adding-a-publication-test-signing-key-0123456789";

    [Fact]
    public async Task is_configuration_and_db_apply()
    {
        var main = await OwnDatabase.CreateAsync("pubmain");
        var publications = new Dictionary<string, string>
        {
            ["north"] = await OwnDatabase.CreateAsync("north"),
            ["south"] = await OwnDatabase.CreateAsync("south")
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Newsroom__CodeGeneration"] = "Dynamic",
            ["Auth__SigningKey"] = Key
        };
        foreach (var (id, connectionString) in publications)
        {
            environment[$"Publications__{id}__ConnectionString"] = connectionString;
            environment[$"Publications__{id}__Hosts__0"] = $"{id}.example";
        }

        var (exitCode, output) = await ServiceProcess.RunCommandAsync(main, environment, "db-apply");
        exitCode.ShouldBe(0, output);
        foreach (var (id, connectionString) in publications)
        {
            var tables = await TablesAsync(connectionString);
            tables.ShouldContain("mt_events", $"{id}: {output}");
            tables.ShouldContain("mt_doc_publishedarticle", id);
            tables.ShouldContain("wolverine_incoming_envelopes", $"{id}: Wolverine's message tables belong in the publication's database");
        }
        (await TablesAsync(main)).ShouldContain("wolverine_nodes", "the node registry is in the main database");
        (await TablesAsync(main)).ShouldContain("data_protection_keys", "the desk's key ring is in the main database (ADR 0036)");

        await using var node = await ServiceProcess.StartAsync(main, environment: environment);
        using var http = new HttpClient { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        foreach (var id in publications.Keys)
        {
            var headline = $"First story of the {id}";
            var created = await SendAsync(http, HttpMethod.Post, "api/articles", Token(id, "alice", Roles.Editor), Api.CompleteDraft(headline));
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var article = await JsonAsync(created);
            var articleId = article["id"]!.GetValue<string>();
            var inReview = await OkAsync(SendAsync(http, HttpMethod.Post, $"api/articles/{articleId}/submit", Token(id, "alice", Roles.Editor),
                new { version = article["version"]!.GetValue<int>() }));
            var approved = await OkAsync(SendAsync(http, HttpMethod.Post, $"api/articles/{articleId}/approve", Token(id, "rita", Roles.Reviewer),
                new { version = inReview["version"]!.GetValue<int>(), revision = inReview["revision"]!.GetValue<int>() }));
            await OkAsync(SendAsync(http, HttpMethod.Post, $"api/articles/{articleId}/schedule", Token(id, "paul", Roles.Publisher),
                new { version = approved["version"]!.GetValue<int>(), publishAt = DateTimeOffset.UtcNow.AddSeconds(2) }));

            // The durable schedule is kept and fired in the publication's own database.
            await Eventually.True(() => ScheduledPublicationFiredAsync(http, id, articleId).GetAwaiter().GetResult(),
                TimeSpan.FromSeconds(45), $"the scheduled publication of {id}");
        }

        var verify = await ServiceProcess.RunCommandAsync(main, environment, "verify");
        verify.ExitCode.ShouldBe(0, verify.Output);
        verify.Output.ShouldContain("north: OK: 1 article streams");
        verify.Output.ShouldContain("south: OK: 1 article streams");
    }

    [Fact]
    public async Task resources_setup_creates_every_publications_tables_too()
    {
        var main = await OwnDatabase.CreateAsync("pubmain");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Newsroom__CodeGeneration"] = "Dynamic",
            ["Auth__SigningKey"] = Key
        };
        var publications = new Dictionary<string, string> { ["east"] = await OwnDatabase.CreateAsync("east"), ["west"] = await OwnDatabase.CreateAsync("west") };
        foreach (var (id, connectionString) in publications) environment[$"Publications__{id}__ConnectionString"] = connectionString;

        var (exitCode, output) = await ServiceProcess.RunCommandAsync(main, environment, "resources", "setup");
        exitCode.ShouldBe(0, output);
        foreach (var (id, connectionString) in publications)
        {
            var tables = await TablesAsync(connectionString);
            tables.ShouldContain("mt_events", $"{id}: {output}");
            tables.ShouldContain("wolverine_incoming_envelopes", $"{id}: without them the node cannot start in Production. {output}");
        }
        var check = await ServiceProcess.RunCommandAsync(main, environment, "resources", "check");
        check.ExitCode.ShouldBe(0, check.Output);
    }

    private static async Task<bool> ScheduledPublicationFiredAsync(HttpClient http, string publication, string articleId)
    {
        var reply = await SendAsync(http, HttpMethod.Get, $"api/articles/{articleId}", Token(publication, "paul", Roles.Publisher));
        return reply.StatusCode == HttpStatusCode.OK && (await JsonAsync(reply))["status"]!.GetValue<string>() == "published";
    }

    private static string Token(string publication, string user, string role) =>
        TokenIssuer.Issue(new AuthOptions { SigningKey = Key }, true, user, user, [role], ["world"], publication: publication);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body, Api.JsonOptions), Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static async Task<JsonObject> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'newsroom'", connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
