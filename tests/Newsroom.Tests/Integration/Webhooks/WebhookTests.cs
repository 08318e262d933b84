using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Newsroom.Tests.Integration;

public class webhook_deliveries(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_publication_reaches_every_subscriber_signed_and_retried_until_delivered()
    {
        var published = await Api.Published();

        await Eventually.True(() => Receiver.For("steady", published.Id()).Count >= 1, what: "the steady delivery");
        await Eventually.True(() => Receiver.For("flaky", published.Id()).Any(h => h.Accepted), what: "the flaky delivery after retries");

        var hook = Receiver.For("steady", published.Id()).Single();
        hook.EventType.ShouldBe("article.published");
        hook.ContentType.ShouldBe("application/json; charset=utf-8");
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(AppFixture.WebhookSecret), Encoding.UTF8.GetBytes(hook.Timestamp + "." + hook.Body)));
        hook.Signature.ShouldBe(expected);

        var payload = JsonNode.Parse(hook.Body)!;
        payload["id"]!.GetValue<string>().ShouldBe(hook.EventId);
        payload["type"]!.GetValue<string>().ShouldBe("article.published");
        payload["article"]!["url"]!.GetValue<string>().ShouldBe("https://news.example/public/articles/" + published.Str("slug"));

        var flaky = Receiver.For("flaky", published.Id());
        flaky.Select(h => h.Attempt).ShouldBe([1, 2, 3]);
        flaky.Select(h => h.EventId).Distinct().ShouldBe([hook.EventId]); // one stable id across retries

        var log = await Eventually.Get(() => Deliveries($"?articleId={published.Id()}"),
            l => l.Items().Count == 2 && l.Items().All(d => d!["outcome"]!.GetValue<string>() == "delivered"), what: "the delivery log");
        var flakyLog = log.Items().Single(d => d!["subscriber"]!.GetValue<string>() == "flaky")!;
        flakyLog["attemptCount"]!.GetValue<int>().ShouldBe(3);
        flakyLog["attempts"]![0]!["statusCode"]!.GetValue<int>().ShouldBe(503);
        flakyLog["attempts"]![2]!["statusCode"]!.GetValue<int>().ShouldBe(204);
    }

    [Fact]
    public async Task corrections_and_withdrawals_are_sent_too_and_rejected_commands_send_nothing()
    {
        var published = await Api.Published();
        var corrected = await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul,
            new { version = published.Version(), note = "Fixed a name", headline = "Better headline" }));
        (await Api.Post($"/api/articles/{published.Id()}/withdraw", Users.Paul, new { version = published.Version(), reason = "stale" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "version_conflict");
        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/withdraw", Users.Paul, new { version = corrected.Version(), reason = "Legal" }));

        var hooks = await Eventually.Get(() => Task.FromResult(Receiver.For("steady", published.Id())), h => h.Count >= 3, what: "three events");
        hooks.Select(h => h.EventType).ShouldBe(["article.published", "article.corrected", "article.withdrawn"], ignoreOrder: true);
        JsonNode.Parse(hooks.Single(h => h.EventType == "article.corrected").Body)!["note"]!.GetValue<string>().ShouldBe("Fixed a name");
        JsonNode.Parse(hooks.Single(h => h.EventType == "article.withdrawn").Body)!["reason"]!.GetValue<string>().ShouldBe("Legal");
        hooks.Select(h => h.EventId).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task the_delivery_log_is_for_admins()
    {
        (await Api.Get("/api/webhooks/deliveries", Users.Paul)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await Api.Get("/api/webhooks/deliveries?outcome=maybe", Users.Ada)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    private async Task<JsonObject> Deliveries(string query)
    {
        var reply = await Api.Get("/api/webhooks/deliveries" + query, Users.Ada);
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json;
    }
}

public class when_a_commit_fails(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_messages_of_the_losing_commands_are_never_sent()
    {
        var approved = await Api.Approved();

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Api.Post($"/api/articles/{approved.Id()}/publish", Users.Paul, new { version = approved.Version() })));

        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        await Eventually.True(() => Receiver.For("steady", approved.Id()).Count >= 1, what: "the winner's webhook");
        // Absence can only be shown by waiting: give stray deliveries of the losers time to arrive.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Receiver.For("steady", approved.Id()).Count.ShouldBe(1);
    }
}
