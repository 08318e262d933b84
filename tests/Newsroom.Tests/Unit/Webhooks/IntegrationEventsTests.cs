using System.Text.Json;
using Newsroom.Articles;
using Newsroom.Articles.Comments;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Reviewing;
using Newsroom.Webhooks;
using static Newsroom.Tests.Unit.ArticleStories;
using static Newsroom.Tests.Unit.PublishingStories;

namespace Newsroom.Tests.Unit;

public class when_an_article_is_published_the_outside_world_is_told
{
    private const string Slug = "harbour-bridge-reopens-after-six-months-of-repairs";

    private static IReadOnlyList<ArticleIntegrationEvent> PublishAndTell(Article approved) =>
        IntegrationEvents.For(approved, PublishArticleEndpoint.Decide(approved, false, People.Publisher.AsActor, At(15)).Events);

    [Fact]
    public void one_article_published_event_names_the_article_its_public_path_and_revision()
    {
        var told = PublishAndTell(Approved()).ShouldHaveSingleItem();
        told.Type.ShouldBe(ArticleIntegrationEvent.Published);
        told.Type.ShouldBe("article.published");
        told.OccurredAt.ShouldBe(At(15));
        told.Article.ShouldBe(new IntegrationArticle(ArticleId, Slug, Headline, "world", 1, $"/public/articles/{Slug}"));
        told.Note.ShouldBeNull();
        told.Reason.ShouldBeNull();
        told.EventId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void the_same_publication_gets_the_same_event_id_on_every_retry() =>
        PublishAndTell(Approved()).Single().EventId.ShouldBe(PublishAndTell(Approved()).Single().EventId);

    [Fact]
    public void a_publication_at_another_stream_version_gets_another_event_id()
    {
        var withAComment = Approved();
        withAComment = Take(withAComment, AddCommentEndpoint.Decide(Guid.NewGuid(), new AddComment("Ready when you are."),
            withAComment, People.Reviewer, At(11)));

        PublishAndTell(withAComment).Single().EventId.ShouldNotBe(PublishAndTell(Approved()).Single().EventId);
    }

    [Fact]
    public void the_article_passed_in_is_left_exactly_as_it_was()
    {
        var approved = Approved();
        var snapshot = JsonSerializer.Serialize(approved);

        PublishAndTell(approved).ShouldHaveSingleItem();

        JsonSerializer.Serialize(approved).ShouldBe(snapshot);
        approved.Status.ShouldBe(ArticleStatus.Approved);
        approved.Version.ShouldBe(3);
    }

    [Fact]
    public void a_scheduled_article_publishing_itself_is_told_the_same_way()
    {
        var scheduled = Scheduled();
        var decision = PublishScheduledArticleHandler.Decide(new PublishScheduledArticle(ArticleId, FirstSchedule), scheduled,
            false, PublishAt);

        var told = IntegrationEvents.For(scheduled, decision.Events).ShouldHaveSingleItem();
        told.Type.ShouldBe(ArticleIntegrationEvent.Published);
        told.OccurredAt.ShouldBe(PublishAt);
        told.Article.Path.ShouldBe($"/public/articles/{Slug}");
    }
}

public class when_a_published_article_is_corrected_the_outside_world_is_told
{
    [Fact]
    public void article_corrected_carries_the_note_the_new_headline_and_the_new_revision()
    {
        var published = Published();
        var decision = CorrectArticleEndpoint.Decide(new ContentChanges(Headline: "Harbour bridge reopens after seven months"),
            "It was seven months.", published, People.Publisher, At(40));

        var told = IntegrationEvents.For(published, decision.Events).ShouldHaveSingleItem();
        told.Type.ShouldBe(ArticleIntegrationEvent.Corrected);
        told.Note.ShouldBe("It was seven months.");
        told.Article.Headline.ShouldBe("Harbour bridge reopens after seven months");
        told.Article.Revision.ShouldBe(2);
        told.Article.Slug.ShouldBe(published.Slug);
        published.Content.Headline.ShouldBe(Headline);
    }

    [Fact]
    public void the_correction_and_the_publication_have_different_event_ids()
    {
        var approved = Approved();
        var publication = PublishArticleEndpoint.Decide(approved, false, People.Publisher.AsActor, At(15));
        var published = Take(Approved(), publication);
        var correction = CorrectArticleEndpoint.Decide(new ContentChanges(Body: "Fixed."), "Fixed.", published, People.Publisher, At(40));

        IntegrationEvents.For(published, correction.Events).Single().EventId
            .ShouldNotBe(IntegrationEvents.For(approved, publication.Events).Single().EventId);
    }
}

public class when_a_published_article_is_withdrawn_the_outside_world_is_told
{
    [Fact]
    public void article_withdrawn_carries_the_reason_and_the_url_that_now_answers_gone()
    {
        var published = Published();
        var decision = WithdrawArticleEndpoint.Decide(new WithdrawArticle(published.Version, "Court order."), published,
            People.Publisher, At(50));

        var told = IntegrationEvents.For(published, decision.Events).ShouldHaveSingleItem();
        told.Type.ShouldBe(ArticleIntegrationEvent.Withdrawn);
        told.Reason.ShouldBe("Court order.");
        told.Note.ShouldBeNull();
        told.OccurredAt.ShouldBe(At(50));
        told.Article.Path.ShouldBe($"/public/articles/{published.Slug}");
    }
}

public class when_nothing_public_happens
{
    [Fact]
    public void drafting_reviewing_scheduling_and_unscheduling_tell_the_outside_world_nothing()
    {
        var draft = CompleteDraft();
        var inReview = InReview();
        var approved = Approved();
        var scheduled = Scheduled();
        var quiet = new (Article Before, Decision Decision)[]
        {
            (draft, ReviseArticleEndpoint.Decide(new ContentChanges(Body: Words(70)), draft, People.Editor, At(3))),
            (draft, SubmitForReviewEndpoint.Decide(new SubmitForReview(draft.Version), draft, People.Editor, At(5))),
            (inReview, ApproveRevisionEndpoint.Decide(new ApproveRevision(inReview.Version, 1), inReview, People.Reviewer, At(10))),
            (approved, ReviseArticleEndpoint.Decide(new ContentChanges(Body: Words(70)), approved, People.Editor, At(11))),
            (approved, ScheduleArticleEndpoint.Decide(new ScheduleArticle(approved.Version, PublishAt), FirstSchedule, approved, false, People.Publisher, At(12))),
            (scheduled, UnscheduleArticleEndpoint.Decide(scheduled, People.Publisher, At(13))),
            (scheduled, PublishScheduledArticleHandler.Decide(new PublishScheduledArticle(ArticleId, FirstSchedule), scheduled, true, PublishAt)),
        };

        foreach (var (before, decision) in quiet)
        {
            decision.Events.ShouldNotBeEmpty();
            IntegrationEvents.For(before, decision.Events).ShouldBeEmpty();
        }
    }
}
