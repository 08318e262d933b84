using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Marten;
using Newsroom.Articles;
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
    public async Task counts_every_article_of_a_new_desk_whose_events_arrive_in_one_batch()
    {
        // Desk documents are written once per daemon batch: a desk created by the batch must still be one
        // document that every later event of the batch adds to.
        var editor = new Actor("seed-editor", "Seed Editor");
        var at = DateTimeOffset.UtcNow;
        await using (var session = Store.LightweightSession())
        {
            for (var i = 0; i < 30; i++)
            {
                var id = Guid.CreateVersion7();
                var content = new Newsroom.Articles.ArticleContent($"Culture story {i}", null, "Body.", "culture", ["Seed Editor"], [],
                    null, [], "en", $"culture-story-{id:N}", null, 4);
                var events = new List<object> { new ArticleCreated(id, content, "test", editor, at) };
                if (i % 3 == 0) events.Add(new SubmittedForReview(id, 1, null, editor, at.AddMinutes(1)));
                session.Events.StartStream<Newsroom.Articles.Article>(id, events.ToArray());
            }
            await session.SaveChangesAsync();
        }
        await ProjectionsCaughtUp();

        await using var query = Store.QuerySession();
        var culture = await query.LoadAsync<DeskStatistics>("culture");
        culture.ShouldNotBeNull();
        culture.Counts["draft"].ShouldBe(20);
        culture.Counts["in_review"].ShouldBe(10);
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
            session.DeleteWhere<DeskDuration>(_ => true);
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

/// <summary>The median and p90 as PostgreSQL computes them over stored durations (what the endpoint shows).</summary>
public class when_summarizing_durations(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<Dictionary<string, DurationSummary>> Summaries(params (string Desk, double[] Seconds)[] desks)
    {
        await using (var session = Store.LightweightSession())
        {
            foreach (var (desk, seconds) in desks)
                foreach (var s in seconds)
                    session.Store(new DeskDuration { Id = Guid.NewGuid(), Desk = desk, Kind = DeskDuration.SubmissionToApproval, Seconds = s });
            await session.SaveChangesAsync();
        }
        await using var query = Store.QuerySession();
        return (await DeskDurations.SummarizeAsync(query, null, CancellationToken.None)).ToDictionary(r => r.Desk, DurationSummary.From);
    }

    [Fact]
    public async Task one_value_is_its_own_median_and_p90() =>
        (await Summaries(("a", [42.5])))["a"].ShouldBe(new DurationSummary(1, 42.5, 42.5));

    [Fact]
    public async Task medians_are_the_middle_value_or_the_mean_of_the_two_middle_values()
    {
        var s = await Summaries(("odd", [500, 100, 300, 200, 400]), ("even", [40, 10, 30, 20]));
        s["odd"].MedianSeconds.ShouldBe(300);
        s["even"].MedianSeconds.ShouldBe(25);
    }

    [Fact]
    public async Task p90_is_the_nearest_rank_for_any_count()
    {
        var desks = Enumerable.Range(1, 60).Select(n => ($"n{n}", Enumerable.Range(1, n).Select(i => (double)i).Reverse().ToArray())).ToArray();
        var summaries = await Summaries(desks);
        for (var n = 1; n <= 60; n++)
        {
            var rank = (9 * n + 9) / 10; // ceil(0.9 n) in integers
            summaries[$"n{n}"].P90Seconds.ShouldBe(rank, $"n = {n}");
            summaries[$"n{n}"].Count.ShouldBe(n);
        }
        summaries["n10"].MedianSeconds.ShouldBe(5.5);
        summaries["n11"].MedianSeconds.ShouldBe(6);
    }

    [Fact]
    public async Task figures_are_rounded_to_milliseconds() =>
        (await Summaries(("a", [1.23449, 1.23461])))["a"].ShouldBe(new DurationSummary(2, 1.235, 1.235));

    [Fact]
    public async Task a_desk_without_durations_shows_a_count_of_zero_and_no_figures()
    {
        await Api.Draft();
        await ProjectionsCaughtUp();
        var world = (await Api.Get("/api/stats/desks", Users.Aude)).Json.Items().Single()!;
        world["submissionToApproval"]!["count"]!.GetValue<int>().ShouldBe(0);
        world["submissionToApproval"]!["medianSeconds"].ShouldBeNull();
    }
}
