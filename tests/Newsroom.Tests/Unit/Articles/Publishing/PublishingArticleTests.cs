using Newsroom.Articles;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Reviewing;
using Newsroom.Infrastructure.Http;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

public class when_a_publisher_publishes_an_approved_article
{
    private readonly Article _approved = Approved();
    private readonly Decision _decision;

    public when_a_publisher_publishes_an_approved_article() =>
        _decision = PublishArticleEndpoint.Decide(_approved, slugTakenByAnother: false, People.Publisher.AsActor, At(15));

    [Fact]
    public void the_publication_records_the_revision_slug_publisher_and_time()
    {
        var published = _decision.ShouldEmitOnly<ArticlePublished>();
        published.Revision.ShouldBe(1);
        published.Slug.ShouldBe("harbour-bridge-reopens-after-six-months-of-repairs");
        published.By.ShouldBe(new Actor("paul", "Paul Publisher"));
        published.At.ShouldBe(At(15));
    }

    [Fact]
    public void the_article_is_published_and_knows_when()
    {
        var article = Take(_approved, _decision);
        article.Status.ShouldBe(ArticleStatus.Published);
        article.PublishedAt.ShouldBe(At(15));
        article.Version.ShouldBe(4);
    }
}

public class when_publishing_an_embargoed_article
{
    private static readonly DateTimeOffset Embargo = At(120);

    [Fact]
    public void before_the_embargo_it_is_refused_with_embargo_active() =>
        PublishArticleEndpoint.Decide(Approved(embargoUntil: Embargo), false, People.Publisher.AsActor, Embargo.AddSeconds(-1))
            .ShouldBeRefused(409, ErrorCodes.EmbargoActive).Detail.ShouldContain("2026-07-27T11:00:00Z");

    [Fact]
    public void at_the_embargo_instant_it_is_allowed() =>
        PublishArticleEndpoint.Decide(Approved(embargoUntil: Embargo), false, People.Publisher.AsActor, Embargo)
            .ShouldEmitOnly<ArticlePublished>().At.ShouldBe(Embargo);

    [Fact]
    public void once_the_embargo_has_passed_it_is_allowed() =>
        PublishArticleEndpoint.Decide(Approved(embargoUntil: Embargo), false, People.Publisher.AsActor, Embargo.AddHours(1))
            .ShouldEmitOnly<ArticlePublished>();

    [Fact]
    public void after_the_embargo_is_cleared_and_the_article_approved_again_it_is_allowed_at_once()
    {
        var article = Revised(Approved(embargoUntil: Embargo), new ContentChanges(ClearEmbargo: true));
        article = Take(article, SubmitForReviewEndpoint.Decide(new SubmitForReview(article.Version), article, People.Editor, At(31)));
        article = Take(article, ApproveRevisionEndpoint.Decide(
            new ApproveRevision(article.Version, article.Revision), article, People.Reviewer, At(32)));

        PublishArticleEndpoint.Decide(article, false, People.Publisher.AsActor, At(33)).ShouldEmitOnly<ArticlePublished>();
    }
}

public class when_another_live_article_has_the_slug
{
    [Fact]
    public void it_is_refused_with_slug_taken_naming_the_slug() =>
        PublishArticleEndpoint.Decide(Approved(), slugTakenByAnother: true, People.Publisher.AsActor, At(15))
            .ShouldBeRefused(409, ErrorCodes.SlugTaken).Detail.ShouldContain("harbour-bridge-reopens-after-six-months-of-repairs");
}

public class when_publishing_an_article_that_is_not_approved
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.InReview)]
    [InlineData(ArticleStatus.ChangesRequested)]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Spiked)]
    public void it_is_refused_as_an_invalid_transition(ArticleStatus status) =>
        PublishArticleEndpoint.Decide(In(status), false, People.Publisher.AsActor, At(60)).ShouldBeAnInvalidTransition();

    [Fact]
    public void an_approval_voided_by_a_later_revision_no_longer_allows_publication()
    {
        var article = Revised(Approved(), new ContentChanges(Body: Words(55)));
        PublishArticleEndpoint.Decide(article, false, People.Publisher.AsActor, At(60)).ShouldBeAnInvalidTransition();
    }
}
