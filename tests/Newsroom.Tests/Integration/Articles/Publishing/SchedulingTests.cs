using System.Net;
using Marten;
using Newsroom.Articles;
using Newsroom.Articles.Publishing;
using Wolverine.Tracking;

namespace Newsroom.Tests.Integration;

public class when_a_publisher_schedules_an_article(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<System.Text.Json.Nodes.JsonObject> Schedule(System.Text.Json.Nodes.JsonObject approved, DateTimeOffset at) =>
        await Api.Ok(Api.Post($"/api/articles/{approved.Id()}/schedule", Users.Paul, new { version = approved.Version(), publishAt = at }));

    private async Task<System.Text.Json.Nodes.JsonObject> Current(Guid id) => (await Api.Get($"/api/articles/{id}", Users.Paul)).Json;

    [Fact]
    public async Task it_publishes_itself_at_that_time()
    {
        var approved = await Api.Approved();
        var scheduled = await Schedule(approved, DateTimeOffset.UtcNow.AddSeconds(2));
        scheduled.Status().ShouldBe("scheduled");
        scheduled.Str("scheduledFor").ShouldEndWith("Z");

        var published = await Eventually.Get(() => Current(approved.Id()), a => a.Status() == "published", what: "the scheduled publication");
        published["scheduledFor"].ShouldBeNull();

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(approved.Id());
        var publication = events.Select(e => e.Data).OfType<ArticlePublished>().Single();
        publication.ScheduleId.ShouldNotBeNull();
        publication.By.Id.ShouldBe("paul");
    }

    [Fact]
    public async Task a_schedule_in_the_past_or_without_a_time_is_refused()
    {
        var approved = await Api.Approved();
        (await Api.Post($"/api/articles/{approved.Id()}/schedule", Users.Paul, new { version = approved.Version(), publishAt = DateTimeOffset.UtcNow.AddMinutes(-1) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await Api.Post($"/api/articles/{approved.Id()}/schedule", Users.Paul, new { version = approved.Version() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var inReview = await Api.InReview(content: Api.CompleteDraft("Not approved yet"));
        (await Api.Post($"/api/articles/{inReview.Id()}/schedule", Users.Paul, new { version = inReview.Version(), publishAt = DateTimeOffset.UtcNow.AddHours(1) }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
        (await Api.Post($"/api/articles/{approved.Id()}/schedule", Users.Alice, new { version = approved.Version(), publishAt = DateTimeOffset.UtcNow.AddHours(1) }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task unscheduling_returns_it_to_approved_and_the_old_trigger_does_nothing()
    {
        var approved = await Api.Approved();
        var scheduled = await Schedule(approved, DateTimeOffset.UtcNow.AddHours(1));
        var scheduleId = await ScheduleIdOf(approved.Id());
        var unscheduled = await Api.Ok(Api.Post($"/api/articles/{approved.Id()}/unschedule", Users.Paul, new { version = scheduled.Version() }));
        unscheduled.Status().ShouldBe("approved");

        await Host.InvokeMessageAndWaitAsync(new PublishScheduledArticle(approved.Id(), scheduleId));

        (await Current(approved.Id())).Status().ShouldBe("approved");
    }

    [Fact]
    public async Task a_revision_or_a_spike_meanwhile_cancels_it()
    {
        var revisedOne = await Api.Approved();
        await Schedule(revisedOne, DateTimeOffset.UtcNow.AddHours(1));
        var revisedSchedule = await ScheduleIdOf(revisedOne.Id());
        var current = await Current(revisedOne.Id());
        (await Api.Ok(Api.Patch($"/api/articles/{revisedOne.Id()}", Users.Alice, new { version = current.Version(), headline = "Changed" })))
            .Status().ShouldBe("draft");

        var spikedOne = await Api.Approved(content: Api.CompleteDraft("To be spiked"));
        var spikedScheduled = await Schedule(spikedOne, DateTimeOffset.UtcNow.AddHours(1));
        var spikedSchedule = await ScheduleIdOf(spikedOne.Id());
        await Api.Ok(Api.Post($"/api/articles/{spikedOne.Id()}/spike", Users.Alice, new { version = spikedScheduled.Version() }));

        await Host.InvokeMessageAndWaitAsync(new PublishScheduledArticle(revisedOne.Id(), revisedSchedule));
        await Host.InvokeMessageAndWaitAsync(new PublishScheduledArticle(spikedOne.Id(), spikedSchedule));

        (await Current(revisedOne.Id())).Status().ShouldBe("draft");
        (await Current(spikedOne.Id())).Status().ShouldBe("spiked");
    }

    [Fact]
    public async Task the_trigger_never_publishes_twice()
    {
        var approved = await Api.Approved();
        await Schedule(approved, DateTimeOffset.UtcNow.AddHours(1));
        var scheduleId = await ScheduleIdOf(approved.Id());

        await Host.InvokeMessageAndWaitAsync(new PublishScheduledArticle(approved.Id(), scheduleId));
        await Host.InvokeMessageAndWaitAsync(new PublishScheduledArticle(approved.Id(), scheduleId));

        (await Current(approved.Id())).Status().ShouldBe("published");
        await using var session = Store.QuerySession();
        (await session.Events.FetchStreamAsync(approved.Id())).Count(e => e.Data is ArticlePublished).ShouldBe(1);
    }

    [Fact]
    public async Task a_schedule_before_the_embargo_is_refused_and_one_at_the_embargo_publishes_on_time()
    {
        var embargo = DateTimeOffset.UtcNow.AddSeconds(3);
        var approved = await Api.Approved(content: new
        {
            headline = "Embargoed report", desk = "world", byline = new[] { "A" }, body = Api.CompleteDraftBody("Report."), embargoUntil = embargo
        });

        (await Api.Post($"/api/articles/{approved.Id()}/schedule", Users.Paul, new { version = approved.Version(), publishAt = embargo.AddSeconds(-1) }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "embargo_active");
        (await Api.Post($"/api/articles/{approved.Id()}/publish", Users.Paul, new { version = approved.Version() }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "embargo_active");

        await Schedule(approved, embargo);
        var published = await Eventually.Get(() => Current(approved.Id()), a => a.Status() == "published", what: "publication at the embargo");
        DateTimeOffset.Parse(published.Str("publishedAt")).ShouldBeGreaterThanOrEqualTo(embargo);
    }

    private async Task<Guid> ScheduleIdOf(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<Article>(id))!.ScheduleId!.Value;
    }
}

public class when_a_rule_refuses_a_scheduled_publication(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_article_goes_back_to_approved_and_the_history_says_why()
    {
        var scheduled = await Api.Approved(content: new
        {
            headline = "Scheduled story", desk = "world", byline = new[] { "A" }, body = Api.CompleteDraftBody("x"), slug = "shared-slug"
        });
        await Api.Ok(Api.Post($"/api/articles/{scheduled.Id()}/schedule", Users.Paul,
            new { version = scheduled.Version(), publishAt = DateTimeOffset.UtcNow.AddHours(1) }));
        await Api.Published(content: new
        {
            headline = "Took the slug", desk = "world", byline = new[] { "B" }, body = Api.CompleteDraftBody("y"), slug = "shared-slug"
        });

        Guid scheduleId;
        await using (var session = Store.QuerySession())
            scheduleId = (await session.LoadAsync<Article>(scheduled.Id()))!.ScheduleId!.Value;
        await Host.InvokeMessageAndWaitAsync(new PublishScheduledArticle(scheduled.Id(), scheduleId));

        var after = (await Api.Get($"/api/articles/{scheduled.Id()}", Users.Paul)).Json;
        after.Status().ShouldBe("approved");
        after["scheduledFor"].ShouldBeNull();
        var last = (await Api.Get($"/api/articles/{scheduled.Id()}/history", Users.Paul)).Json.Items()[^1]!;
        last["type"]!.GetValue<string>().ShouldBe("scheduled_publication_failed");
        last["summary"]!.GetValue<string>().ShouldContain("slug_taken");
    }
}
