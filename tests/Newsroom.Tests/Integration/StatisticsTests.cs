using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Marten;
using Newsroom.Statistics;

namespace Newsroom.Tests.Integration;

public class desk_statistics(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task BuildTheDesks()
    {
        await Api.Draft();
        await Api.InReview(content: Api.CompleteDraft("In review"));
        await Api.Approved(content: Api.CompleteDraft("Approved"));
        await Api.Published(content: Api.CompleteDraft("Published one"));
        await Api.Published(content: Api.CompleteDraft("Published two"));
        await Api.Spiked();
        var politics = await Api.Published(editor: Users.Eve, content: Api.CompleteDraft("Politics", desk: "politics"));
        await Api.Ok(Api.Post($"/api/articles/{politics.Id()}/withdraw", Users.Paul, new { version = politics.Version(), reason = "Legal" }));
        var moved = await Api.Draft(editor: Users.Ada, content: Api.CompleteDraft("Moves desk"));
        await Api.Ok(Api.Patch($"/api/articles/{moved.Id()}", Users.Ada, new { version = 1, desk = "sport" }));
        await ProjectionsCaughtUp();
    }

    private async Task<JsonArray> Stats(TestUser user, string query = "")
    {
        var reply = await Api.Get("/api/stats/desks" + query, user);
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json.Items();
    }

    [Fact]
    public async Task count_statuses_and_time_review_and_publication_per_desk()
    {
        await BuildTheDesks();

        var desks = await Stats(Users.Aude);
        desks.Select(d => d!["desk"]!.GetValue<string>()).ShouldBe(["politics", "sport", "world"]);

        var world = desks.Single(d => d!["desk"]!.GetValue<string>() == "world")!;
        var counts = world["counts"]!;
        counts["draft"]!.GetValue<int>().ShouldBe(1);
        counts["in_review"]!.GetValue<int>().ShouldBe(1);
        counts["approved"]!.GetValue<int>().ShouldBe(1);
        counts["published"]!.GetValue<int>().ShouldBe(2);
        counts["spiked"]!.GetValue<int>().ShouldBe(1);
        counts["withdrawn"]!.GetValue<int>().ShouldBe(0);
        world["submissionToApproval"]!["count"]!.GetValue<int>().ShouldBe(3);
        world["submissionToApproval"]!["medianSeconds"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        world["submissionToApproval"]!["p90Seconds"]!.GetValue<double>()
            .ShouldBeGreaterThanOrEqualTo(world["submissionToApproval"]!["medianSeconds"]!.GetValue<double>());
        world["creationToPublication"]!["count"]!.GetValue<int>().ShouldBe(2);
        world["approvalsPerReviewer"]![0]!["reviewer"]!.GetValue<string>().ShouldBe("rita");
        world["approvalsPerReviewer"]![0]!["approvals"]!.GetValue<int>().ShouldBe(3);

        var politics = desks.Single(d => d!["desk"]!.GetValue<string>() == "politics")!;
        politics["counts"]!["withdrawn"]!.GetValue<int>().ShouldBe(1);
        politics["approvalsPerReviewer"]![0]!["reviewer"]!.GetValue<string>().ShouldBe("ron");

        var sport = desks.Single(d => d!["desk"]!.GetValue<string>() == "sport")!;
        sport["counts"]!["draft"]!.GetValue<int>().ShouldBe(1);
        world["counts"]!.AsObject().Sum(c => c.Value!.GetValue<int>()).ShouldBe(6);
    }

    [Fact]
    public async Task an_editor_sees_only_their_desks_and_reviewers_none()
    {
        await BuildTheDesks();
        (await Stats(Users.Alice)).Select(d => d!["desk"]!.GetValue<string>()).ShouldBe(["world"]);
        (await Stats(Users.Eve, "?desk=world")).ShouldBeEmpty();
        (await Api.Get("/api/stats/desks", Users.Rita)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task a_rebuild_from_the_events_gives_identical_numbers()
    {
        await BuildTheDesks();
        var before = (await Api.Get("/api/stats/desks", Users.Aude)).Text;

        // Throw the read model away, so only the events can bring it back.
        await using (var session = Store.LightweightSession())
        {
            session.DeleteWhere<DeskStatistics>(_ => true);
            session.DeleteWhere<DeskStatisticsArticle>(_ => true);
            await session.SaveChangesAsync();
        }
        (await Stats(Users.Aude)).ShouldBeEmpty();

        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<DeskStatisticsProjection>(TimeSpan.FromSeconds(60), CancellationToken.None);
        }
        await ProjectionsCaughtUp();

        var after = (await Api.Get("/api/stats/desks", Users.Aude)).Text;
        after.ShouldBe(before);
    }
}
