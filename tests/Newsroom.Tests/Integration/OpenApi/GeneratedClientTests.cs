using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Newsroom.Infrastructure.Identity;
using Newsroom.Tests.Generated;
using Newsroom.Tests.Unit;

namespace Newsroom.Tests.Integration.OpenApi;

/// <summary>
/// The story, its refusals and the importers, told only through the C# client NSwag generates from docs/openapi.json
/// during the build (see the test project file and OpenApi/NewsroomClient.nswag). What a client author gets from the
/// document alone must be enough: a success returns the typed representation, every error is an
/// <c>ApiException&lt;ProblemDetails&gt;</c> whose <c>Result</c> carries the stable <c>code</c> and the <c>errors</c>.
/// </summary>
/// <remarks>
/// Creates are read through <see cref="Created"/> because a create must return the <see cref="ArticleResponse"/> (a
/// document that also declares a 200 makes the client return that 200's type and throw on the 201).
/// </remarks>
public class a_generated_csharp_client(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>Alice with the reviewer role too, so that her approval of her own article meets the four-eyes rule, not the role check.</summary>
    private static readonly TestUser AliceAlsoReviewer = Users.Alice with { Roles = [Roles.Editor, Roles.Reviewer] };

    private NewsroomClient As(TestUser? user)
    {
        var http = Host.Server.CreateClient();
        if (user != null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token());
        return new NewsroomClient(http);
    }

    private static CreateArticle CompleteDraft(string headline = "Russian Defense Minister’s Upcoming Visit to North Korea") => new()
    {
        Headline = headline,
        Desk = "world",
        Standfirst = "A delegation will attend the anniversary events.",
        Body = Api.CompleteDraftBody("The delegation arrives on Tuesday."),
        Byline = ["Alice Example"],
        Tags = ["korea"],
        Locations = [new GeoLocation { Name = "Pyongyang", Lat = 39.03, Lon = 125.75 }],
    };

    /// <summary>A create answers 201 with the article: the generated method must return it (not throw, not return another type).</summary>
    private static ArticleResponse Created(object? result) => result.ShouldBeOfType<ArticleResponse>();

    /// <summary>The code as it travels (<c>four_eyes</c>): the generated enum's member names differ only in case.</summary>
    private static string CodeOf(ProblemDetails problem) => problem.Code.ToString().ToLowerInvariant();

    private static string[] ErrorFieldsOf(ProblemDetails problem) => (problem.Errors ?? new Dictionary<string, ICollection<string>>()).Keys.ToArray();

    private static async Task<ProblemDetails> Refused(Func<Task> call, int status, string code)
    {
        var refusal = await Should.ThrowAsync<ApiException<ProblemDetails>>(call);
        refusal.StatusCode.ShouldBe(status, refusal.Response);
        refusal.Result.Status.ShouldBe(status);
        refusal.Result.Title.ShouldNotBeNullOrWhiteSpace();
        refusal.Result.Detail.ShouldNotBeNullOrWhiteSpace();
        CodeOf(refusal.Result).ShouldBe(code, refusal.Response);
        refusal.Result.TraceId.ShouldNotBeNullOrWhiteSpace();
        return refusal.Result;
    }

    [Fact]
    public async Task drives_a_story_from_draft_through_review_to_the_public_page()
    {
        var alice = As(Users.Alice);

        var draft = Created(await alice.CreateArticleAsync(CompleteDraft()));
        draft.Status.ShouldBe(ArticleStatus.Draft);
        draft.Revision.ShouldBe(1);
        draft.EmbargoUntil.ShouldBeNull();

        var revised = await alice.ReviseArticleAsync(draft.Id, new ReviseArticle
        {
            Version = draft.Version, Standfirst = "A delegation led by the defence minister will attend the anniversary events.",
        });
        revised.Revision.ShouldBe(2);
        revised.Headline.ShouldBe(draft.Headline);
        revised.Byline.ShouldBe(["Alice Example"]);

        var inReview = await alice.SubmitForReviewAsync(draft.Id, body: new SubmitForReview { Version = revised.Version });
        inReview.Status.ShouldBe(ArticleStatus.In_review);

        var approved = await As(Users.Rita).ApproveRevisionAsync(draft.Id, new ApproveRevision { Version = inReview.Version, Revision = inReview.Revision });
        approved.Status.ShouldBe(ArticleStatus.Approved);
        approved.ApprovedRevision.ShouldBe(2);
        approved.ApprovedBy.ShouldBe(Users.Rita.Id);

        var published = await As(Users.Paul).PublishArticleAsync(draft.Id, body: new PublishArticle { Version = approved.Version });
        published.Status.ShouldBe(ArticleStatus.Published);
        published.PublishedAt.ShouldNotBeNull();

        await ProjectionsCaughtUp();
        var page = await As(null).GetPublicArticleAsync(published.Slug);
        page.Id.ShouldBe(draft.Id);
        page.Headline.ShouldBe("Russian Defense Minister’s Upcoming Visit to North Korea");
        page.Standfirst.ShouldBe("A delegation led by the defence minister will attend the anniversary events.");
        page.Byline.ShouldBe(["Alice Example"]);
    }

    /// <summary>
    /// The generated request classes cannot leave a field out: every property left unset is written as null. A
    /// revision through the client keeps the embargo (null never lifts it, ADR 0028); liftEmbargo does.
    /// </summary>
    [Fact]
    public async Task keeps_the_embargo_through_a_revision_that_does_not_mention_it()
    {
        var alice = As(Users.Alice);
        var embargo = new DateTimeOffset(2099, 1, 1, 6, 0, 0, TimeSpan.Zero);
        var withEmbargo = CompleteDraft();
        withEmbargo.EmbargoUntil = embargo;
        var draft = Created(await alice.CreateArticleAsync(withEmbargo));
        draft.EmbargoUntil.ShouldBe(embargo);

        var revised = await alice.ReviseArticleAsync(draft.Id, new ReviseArticle { Version = draft.Version, Standfirst = "A new standfirst." });

        revised.Standfirst.ShouldBe("A new standfirst.");
        revised.EmbargoUntil.ShouldBe(embargo);

        var lifted = await alice.ReviseArticleAsync(draft.Id, new ReviseArticle { Version = revised.Version, LiftEmbargo = true });
        lifted.EmbargoUntil.ShouldBeNull();
    }

    [Fact]
    public async Task gets_not_found_as_a_problem_with_its_code()
    {
        await Refused(() => As(Users.Alice).GetArticleAsync(Guid.NewGuid()), 404, "not_found");
    }

    [Fact]
    public async Task gets_unauthenticated_as_a_problem_with_its_code()
    {
        await Refused(() => As(null).GetArticleAsync(Guid.NewGuid()), 401, "unauthenticated");
    }

    [Fact]
    public async Task gets_a_stale_version_as_version_conflict()
    {
        var alice = As(Users.Alice);
        var draft = Created(await alice.CreateArticleAsync(CompleteDraft()));
        await alice.ReviseArticleAsync(draft.Id, new ReviseArticle { Version = draft.Version, Tags = ["korea", "russia"] });

        await Refused(() => alice.SubmitForReviewAsync(draft.Id, body: new SubmitForReview { Version = draft.Version }), 409, "version_conflict");
    }

    [Fact]
    public async Task gets_the_four_eyes_refusal_when_alice_approves_her_own_article()
    {
        var alice = As(AliceAlsoReviewer);
        var draft = Created(await alice.CreateArticleAsync(CompleteDraft()));
        var inReview = await alice.SubmitForReviewAsync(draft.Id, body: new SubmitForReview { Version = draft.Version });

        await Refused(() => alice.ApproveRevisionAsync(draft.Id, new ApproveRevision { Version = inReview.Version, Revision = inReview.Revision }),
            403, "four_eyes");
    }

    [Fact]
    public async Task gets_the_invalid_fields_of_a_create_keyed_by_their_json_names()
    {
        var problem = await Refused(() => As(Users.Alice).CreateArticleAsync(new CreateArticle { Headline = "", Desk = "world" }),
            400, "validation_failed");

        ErrorFieldsOf(problem).ShouldBe(["headline"]);
    }

    [Fact]
    public async Task gets_forbidden_for_a_desk_the_editor_does_not_work_on()
    {
        var onPolitics = CompleteDraft();
        onPolitics.Desk = "politics";

        await Refused(() => As(Users.Alice).CreateArticleAsync(onPolitics), 403, "forbidden");
    }

    [Fact]
    public async Task imports_plain_text_as_a_draft()
    {
        var alice = As(Users.Alice);

        // ImportTextAsync(desk, body): the body is the text/plain request body the operation declares.
        var draft = await alice.ImportTextAsync(desk: "world", body: Fixtures.SeedArticle());

        draft.Status.ShouldBe(ArticleStatus.Draft);
        draft.Headline.ShouldBe("Russian Defense Minister’s Upcoming Visit to North Korea");
        draft.Category.ShouldBe("Uncategorized");
    }

    [Fact]
    public async Task imports_a_ninjs_document_as_a_draft()
    {
        var alice = As(Users.Alice);
        var ninjs = new JsonObject
        {
            ["uri"] = "urn:newsroom:test:generated-client",
            ["headlines"] = new JsonArray(new JsonObject { ["role"] = "main", ["value"] = "Wire story through the generated client" }),
            ["bodies"] = new JsonArray(new JsonObject { ["role"] = "main", ["contenttype"] = "text/html", ["value"] = "<p>Wire copy.</p>" }),
            ["by"] = "Alice Example",
            ["language"] = "en",
        };

        // ImportNinjsAsync(desk, body): the body is the ninjs JSON request body the operation declares.
        var draft = await alice.ImportNinjsAsync(desk: "world", body: ninjs);

        draft.Status.ShouldBe(ArticleStatus.Draft);
        draft.Headline.ShouldBe("Wire story through the generated client");
        draft.Byline.ShouldBe(["Alice Example"]);
        (draft.Body ?? "").ShouldContain("Wire copy.");
    }

    [Fact]
    public async Task gets_the_importers_refusals_as_problems()
    {
        var alice = As(Users.Alice);

        await Refused(async () => await alice.ImportTextAsync(desk: "world", body: "   \n\n  "), 400, "validation_failed");

        var notNinjs = new JsonObject { ["uri"] = "urn:newsroom:test:invalid", ["headlines"] = "not an array" };
        var problem = await Refused(async () => await alice.ImportNinjsAsync(desk: "world", body: notNinjs), 400, "validation_failed");
        ErrorFieldsOf(problem).ShouldContain("ninjs");

        await Refused(async () => await alice.ImportTextAsync(desk: "politics", body: "Headline\n\nBody"), 403, "forbidden");
    }
}
