using System.Net;

namespace Newsroom.Tests.Integration;

public class when_an_editor_creates_an_article(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task it_answers_201_with_location_etag_and_the_draft()
    {
        var reply = await Api.Post("/api/articles", Users.Alice, Api.CompleteDraft());

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        var article = reply.Json;
        reply.Location.ShouldBe($"/api/articles/{article.Id()}");
        reply.ETag.ShouldBe("\"1\"");
        article.Status().ShouldBe("draft");
        article.Version().ShouldBe(1);
        article.Revision().ShouldBe(1);
        article.Str("slug").ShouldBe("russian-defense-ministers-upcoming-visit-to-north-korea");
        article.Str("language").ShouldBe("en");
        article["priority"]!.GetValue<int>().ShouldBe(4);
        article.Str("createdBy").ShouldBe("alice");
        article.Str("createdAt").ShouldEndWith("Z");
        article["locations"]![0]!["lat"]!.GetValue<double>().ShouldBe(39.03);

        var fetched = await Api.Get(reply.Location!, Users.Alice);
        fetched.Status.ShouldBe(HttpStatusCode.OK);
        fetched.ETag.ShouldBe("\"1\"");
        fetched.Json.Str("headline").ShouldBe("Russian Defense Minister’s Upcoming Visit to North Korea");
    }

    [Fact]
    public async Task a_headline_in_any_script_gets_an_ascii_slug_made_unique()
    {
        var first = await Api.Draft(content: new { headline = "Lý Hồng Trung", desk = "world" });
        var second = await Api.Draft(content: new { headline = "Lý Hồng Trung", desk = "world" });
        var cyrillic = await Api.Draft(content: new { headline = "Москва сегодня", desk = "world" });

        first.Str("slug").ShouldBe("ly-hong-trung");
        second.Str("slug").ShouldBe("ly-hong-trung-2");
        cyrillic.Str("slug").ShouldMatch("^[a-z0-9]+(-[a-z0-9]+)*$");
    }

    [Fact]
    public async Task an_editor_cannot_create_on_a_desk_they_do_not_work_on()
    {
        var reply = await Api.Post("/api/articles", Users.Alice, Api.CompleteDraft(desk: "politics"));
        reply.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task a_reviewer_cannot_create_articles()
    {
        var reply = await Api.Post("/api/articles", Users.Rita, Api.CompleteDraft());
        reply.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}

public class when_an_editor_revises_an_article(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_new_revision_is_recorded_with_only_the_changed_fields()
    {
        var draft = await Api.Draft();
        var revised = await Api.Ok(Api.Patch($"/api/articles/{draft.Id()}", Users.Bob,
            new { version = draft.Version(), headline = "A sharper headline", tags = new[] { "korea", "russia" } }));

        revised.Revision().ShouldBe(2);
        revised.Version().ShouldBe(2);
        revised.Str("headline").ShouldBe("A sharper headline");
        revised.Str("standfirst").ShouldBe("A delegation will attend the anniversary events.");
        revised.Str("slug").ShouldBe(draft.Str("slug")); // slugs do not follow headline edits

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(draft.Id());
        var change = events[1].Data.ShouldBeOfType<Newsroom.Articles.ArticleRevised>();
        change.Changes.FieldNames().ShouldBe(["headline", "tags"]);
        change.By.ShouldBe(new Newsroom.Articles.Actor("bob", "Bob Editor"));
    }

    [Fact]
    public async Task if_match_can_carry_the_version()
    {
        var draft = await Api.Draft();
        var reply = await Api.Send(HttpMethod.Patch, $"/api/articles/{draft.Id()}", Users.Alice,
            new { headline = "Via If-Match" }, headers: new Dictionary<string, string> { ["If-Match"] = "\"1\"" });
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply.ETag.ShouldBe("\"2\"");
    }

    [Fact]
    public async Task without_any_version_it_is_a_validation_error()
    {
        var draft = await Api.Draft();
        var reply = await Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { headline = "No version" });
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Errors.ShouldContainKey("version");
    }

    [Fact]
    public async Task a_stale_version_is_a_conflict_and_nothing_is_written()
    {
        var draft = await Api.Draft();
        await Api.Ok(Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, headline = "First" }));

        var stale = await Api.Patch($"/api/articles/{draft.Id()}", Users.Bob, new { version = 1, headline = "Second" });

        stale.ShouldBeProblem(HttpStatusCode.Conflict, "version_conflict");
        var current = await Api.Get($"/api/articles/{draft.Id()}", Users.Alice);
        current.Json.Str("headline").ShouldBe("First");
        current.Json.Version().ShouldBe(2);
    }

    [Fact]
    public async Task revising_after_approval_voids_it_and_returns_the_article_to_draft()
    {
        var approved = await Api.Approved();
        approved.Status().ShouldBe("approved");

        var revised = await Api.Ok(Api.Patch($"/api/articles/{approved.Id()}", Users.Alice,
            new { version = approved.Version(), body = Api.CompleteDraftBody("Changed after approval.") }));

        revised.Status().ShouldBe("draft");
        revised["approvedRevision"].ShouldBeNull();
        revised["approvedBy"].ShouldBeNull();
        revised.Revision().ShouldBe(2);
    }

    [Fact]
    public async Task an_editor_of_another_desk_gets_404_as_if_it_did_not_exist()
    {
        var draft = await Api.Draft();
        var reply = await Api.Patch($"/api/articles/{draft.Id()}", Users.Eve, new { version = 1, headline = "Mine now" });
        reply.ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.Get($"/api/articles/{draft.Id()}", Users.Eve)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task a_published_article_cannot_be_revised()
    {
        var published = await Api.Published();
        var reply = await Api.Patch($"/api/articles/{published.Id()}", Users.Alice, new { version = published.Version(), headline = "Sneaky" });
        reply.ShouldBeProblem(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task a_change_that_changes_nothing_is_refused()
    {
        var draft = await Api.Draft();
        var reply = await Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, headline = draft.Str("headline") });
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task an_embargo_can_be_set_kept_through_a_null_and_lifted_only_when_asked()
    {
        var draft = await Api.Draft();
        var set = await Api.Ok(Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, embargoUntil = "2030-01-01T09:00:00+02:00" }));
        set.Str("embargoUntil").ShouldBe("2030-01-01T07:00:00Z");

        // What a generated client sends for a headline change: every other field null.
        var kept = await Api.Ok(Api.Send(HttpMethod.Patch, $"/api/articles/{draft.Id()}", Users.Alice,
            rawBody: "{\"version\":2,\"headline\":\"Still embargoed\",\"embargoUntil\":null,\"liftEmbargo\":null}"));
        kept.Str("embargoUntil").ShouldBe("2030-01-01T07:00:00Z");

        var both = await Api.Send(HttpMethod.Patch, $"/api/articles/{draft.Id()}", Users.Alice,
            rawBody: "{\"version\":3,\"embargoUntil\":\"2031-01-01T00:00:00Z\",\"liftEmbargo\":true}");
        both.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        both.Errors.Keys.ShouldBe(["liftEmbargo"]);

        var lifted = await Api.Ok(Api.Send(HttpMethod.Patch, $"/api/articles/{draft.Id()}", Users.Alice,
            rawBody: "{\"version\":3,\"liftEmbargo\":true}"));
        lifted["embargoUntil"].ShouldBeNull();
        lifted.Revision().ShouldBe(4);
    }
}

public class when_a_create_is_retried_with_the_same_idempotency_key(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<Reply> Create(TestUser user, string key) => Api.Send(HttpMethod.Post, "/api/articles", user, Api.CompleteDraft(),
        headers: new Dictionary<string, string> { ["Idempotency-Key"] = key });

    [Fact]
    public async Task the_same_article_comes_back_and_no_duplicate_is_made()
    {
        var first = await Create(Users.Alice, "draft-7f3a");
        var retry = await Create(Users.Alice, "draft-7f3a");
        var racing = await Task.WhenAll(Create(Users.Alice, "draft-race"), Create(Users.Alice, "draft-race"));

        first.Status.ShouldBe(HttpStatusCode.Created);
        retry.Status.ShouldBe(HttpStatusCode.Created);
        retry.Location.ShouldBe(first.Location);
        racing.ShouldAllBe(r => r.Status == HttpStatusCode.Created);
        racing[0].Location.ShouldBe(racing[1].Location);
        (await Api.Get("/api/articles", Users.Alice)).Json.Items().Count.ShouldBe(2);
    }

    [Fact]
    public async Task keys_belong_to_their_user()
    {
        var alices = await Create(Users.Alice, "same-key");
        var bobs = await Create(Users.Bob, "same-key");
        bobs.Location.ShouldNotBe(alices.Location);
    }
}
