using Newsroom.Articles;
using Newsroom.Articles.Comments;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Reviewing;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

public class when_folding_an_articles_events
{
    [Fact]
    public void the_version_is_the_number_of_events_folded_while_the_revision_counts_content_changes()
    {
        // created, submitted, approved, published
        var published = Published();
        published.Version.ShouldBe(4);
        published.Revision.ShouldBe(1);

        // created, revised, revised + approval voided
        var article = Revised(Revised(Approved(), new ContentChanges(Body: "One.")), new ContentChanges(Body: "Two."));
        article.Version.ShouldBe(6);
        article.Revision.ShouldBe(3);
    }

    [Fact]
    public void folding_the_recorded_events_again_rebuilds_the_same_state_with_one_version_per_event()
    {
        var events = new List<IArticleEvent>();
        Article? live = null;
        void Record(Decision decision)
        {
            decision.Problem.ShouldBeNull();
            foreach (var e in decision.Events) { events.Add(e); live = Article.Fold(live, e); }
        }

        Record(Create(CompleteFields()));
        Record(SubmitForReviewEndpoint.Decide(new SubmitForReview(live!.Version), live, People.Editor, At(5)));
        Record(ReviseArticleEndpoint.Decide(new ContentChanges(Standfirst: "Added."), live, People.SecondEditor, At(6)));
        Record(ApproveRevisionEndpoint.Decide(new ApproveRevision(live.Version, 2), live, People.Reviewer, At(10)));
        Record(AddCommentEndpoint.Decide(Guid.NewGuid(), new AddComment("Lovely."), live, People.Reviewer, At(11)));
        Record(PublishArticleEndpoint.Decide(live, false, People.Publisher.AsActor, At(15)));

        var rebuilt = events.Aggregate((Article?)null, Article.Fold)!;
        rebuilt.Version.ShouldBe(6);
        rebuilt.Version.ShouldBe(live.Version);
        rebuilt.Status.ShouldBe(ArticleStatus.Published);
        rebuilt.Revision.ShouldBe(live.Revision);
        rebuilt.Content.ShouldBe(live.Content);
        rebuilt.Contributors.ShouldBe(live.Contributors);
        rebuilt.ApprovedRevision.ShouldBe(2);
        rebuilt.ApprovedBy.ShouldBe(live.ApprovedBy);
        rebuilt.PublishedAt.ShouldBe(At(15));
        rebuilt.UpdatedAt.ShouldBe(live.UpdatedAt);
    }

    [Fact]
    public void an_event_before_the_article_was_created_is_rejected() =>
        Should.Throw<InvalidOperationException>(() =>
                Article.Fold(null, new SubmittedForReview(ArticleId, 1, null, People.Editor.AsActor, Now)))
            .Message.ShouldContain("before ArticleCreated");

    [Fact]
    public void an_event_the_article_does_not_know_is_rejected() =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            Article.Fold(Draft(), new UnknownEvent(ArticleId, People.Editor.AsActor, Now)));

    [Fact]
    public void a_second_article_created_on_an_existing_article_is_rejected()
    {
        var approved = Approved();
        var again = new ArticleCreated(ArticleId, approved.Content, "editor", People.SecondEditor.AsActor, At(30));
        Should.Throw<InvalidOperationException>(() => Article.Fold(approved, again));
    }

    private sealed record UnknownEvent(Guid ArticleId, Actor By, DateTimeOffset At) : IArticleEvent;
}
