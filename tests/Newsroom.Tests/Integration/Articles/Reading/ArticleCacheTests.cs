using System.Net;
using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Reading;
using Npgsql;

namespace Newsroom.Tests.Integration;

/// <summary>
/// GET article answers from each node's copy of the article (ADR 0039): never older than the last commit on the
/// same node, and on another node only until the commit's notification arrives.
/// </summary>
public class the_article_cache(AppFixture fixture) : IntegrationContext(fixture)
{
    private ArticleCache Cache => Host.Services.GetRequiredService<ArticleCache>();

    [Fact]
    public async Task answers_a_read_from_memory_until_the_article_changes()
    {
        var draft = await Api.Draft();
        var id = draft.Id();
        await Eventually.True(() => Listening(), what: "the node hears the article channel");

        // A change no commit of this node announced: the copy still answers, so the read really came from memory.
        // The draft's own commit is announced on the channel too, milliseconds after its answer; when that arrives
        // after the first read it forgets the copy (a miss, never a stale answer), so a busy machine may need a
        // second try.
        var fromMemory = false;
        for (var attempt = 0; attempt < 5 && !fromMemory; attempt++)
        {
            var kept = (await Api.Get($"/api/articles/{id}", Users.Alice)).Json.Str("headline");
            await BehindTheNodesBackAsync(id, $"Written behind the node's back ({attempt})");
            fromMemory = (await Api.Get($"/api/articles/{id}", Users.Alice)).Json.Str("headline") == kept;
        }
        fromMemory.ShouldBeTrue("a read after a change behind the node's back answers from the node's copy");

        // A commit forgets the article before it answers: the next read is the new version, at once.
        var revised = await Api.Ok(Api.Patch($"/api/articles/{id}", Users.Alice, new { version = 1, headline = "Revised on this node" }));
        var read = await Api.Get($"/api/articles/{id}", Users.Alice);
        read.ETag.ShouldBe($"\"{revised.Version()}\"");
        read.Json.Str("headline").ShouldBe("Revised on this node");
    }

    [Fact]
    public async Task a_deaf_node_reads_the_database_every_time()
    {
        var draft = await Api.Draft();
        var id = draft.Id();
        Cache.Listening(false);
        try
        {
            await Api.Get($"/api/articles/{id}", Users.Alice);
            await BehindTheNodesBackAsync(id, "Read from the database");
            (await Api.Get($"/api/articles/{id}", Users.Alice)).Json.Str("headline").ShouldBe("Read from the database");
        }
        finally
        {
            Cache.Listening(true);
        }
    }

    [Fact]
    public async Task the_same_bytes_as_an_answer_written_from_the_article()
    {
        var draft = await Api.Draft();
        var id = draft.Id();
        await Eventually.True(() => Listening(), what: "the node hears the article channel");
        var first = await Api.Get($"/api/articles/{id}", Users.Alice);   // loaded, serialized and kept
        var second = await Api.Get($"/api/articles/{id}", Users.Alice);  // the kept bytes
        second.Status.ShouldBe(HttpStatusCode.OK);
        second.Text.ShouldBe(first.Text);
        second.ETag.ShouldBe(first.ETag);
        second.ContentType.ShouldBe("application/json");
        // And a desk the reader may not see stays unseen, from memory too.
        (await Api.Get($"/api/articles/{id}", Users.Eve)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    private bool Listening() => Cache.Trusted;

    private async Task BehindTheNodesBackAsync(Guid id, string headline)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Newsroom"));
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand(
            $"update {Newsroom.Infrastructure.Persistence.MartenSetup.Schema}.mt_doc_article set data = jsonb_set(data, '{{content,headline}}', to_jsonb(@headline::text)) where id = @id",
            connection);
        update.Parameters.AddWithValue("headline", headline);
        update.Parameters.AddWithValue("id", id);
        (await update.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}

/// <summary>Two nodes on one database: a commit on one reaches the other's copy through PostgreSQL.</summary>
public class the_article_cache_on_two_nodes : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _connectionString = await OwnDatabase.CreateAsync("cache");
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private Task<IAlbaHost> StartAsync() => AppFixture.StartHostAsync(_receiver, b => b.UseSetting("ConnectionStrings:Newsroom", _connectionString));

    [Fact]
    public async Task a_revision_on_one_node_is_read_on_the_other_within_moments()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();
        var onFirst = new Api(first);
        var onSecond = new Api(second);

        var draft = await onFirst.Draft();
        var id = draft.Id();
        // The second node keeps its copy of version 1 (read twice, so it is surely kept while it listens).
        await Eventually.Get(() => onSecond.Get($"/api/articles/{id}", Users.Alice), r => r.ETag == "\"1\"");
        await onSecond.Get($"/api/articles/{id}", Users.Alice);

        var revised = await Api.Ok(onFirst.Patch($"/api/articles/{id}", Users.Alice, new { version = 1, headline = "Revised on the first node" }));
        var seen = await Eventually.Get(() => onSecond.Get($"/api/articles/{id}", Users.Alice),
            r => r.ETag == $"\"{revised.Version()}\"", TimeSpan.FromSeconds(5), "the second node reads the revision");
        seen.Json.Str("headline").ShouldBe("Revised on the first node");
    }
}
