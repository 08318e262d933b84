using Newsroom.Articles;
using Newsroom.Articles.Comments;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Reviewing;
using Newsroom.Articles.Spiking;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

public class when_an_editor_spikes_an_article_before_publication
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.InReview)]
    [InlineData(ArticleStatus.ChangesRequested)]
    [InlineData(ArticleStatus.Approved)]
    public void it_is_spiked_and_the_event_remembers_where_it_came_from_and_why(ArticleStatus status)
    {
        var article = In(status);
        var decision = SpikeArticleEndpoint.Decide(new SpikeArticle(article.Version, "Legal advice."), article, People.Editor, At(20));

        var spiked = decision.ShouldEmitOnly<ArticleSpiked>();
        spiked.From.ShouldBe(status);
        spiked.Reason.ShouldBe("Legal advice.");
        spiked.By.Id.ShouldBe("erin");
        Take(article, decision).Status.ShouldBe(ArticleStatus.Spiked);
    }
}

public class when_spiking_an_article_that_is_published_or_already_spiked
{
    [Theory]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Spiked)]
    public void it_is_refused_as_an_invalid_transition(ArticleStatus status)
    {
        var article = In(status);
        SpikeArticleEndpoint.Decide(new SpikeArticle(article.Version), article, People.Editor, At(40))
            .ShouldBeAnInvalidTransition();
    }
}

public class when_someone_works_on_a_spiked_article
{
    private readonly Article _spiked = Spiked();

    [Fact]
    public void revising_it_is_refused() =>
        ReviseArticleEndpoint.Decide(new ContentChanges(Body: "Edit."), _spiked, People.Editor, At(40))
            .ShouldBeAnInvalidTransition().Detail.ShouldContain("spiked");

    [Fact]
    public void submitting_it_is_refused() =>
        SubmitForReviewEndpoint.Decide(new SubmitForReview(_spiked.Version), _spiked, People.Editor, At(40))
            .ShouldBeAnInvalidTransition();

    [Fact]
    public void commenting_on_it_is_refused() =>
        AddCommentEndpoint.Decide(Guid.NewGuid(), new AddComment("Why was this spiked?"), _spiked, People.Reviewer, At(40))
            .ShouldBeAnInvalidTransition().Detail.ShouldContain("restore");
}

public class when_a_spiked_article_is_restored
{
    [Fact]
    public void it_is_a_draft_again()
    {
        var spiked = Spiked();
        var decision = RestoreArticleEndpoint.Decide(spiked, People.Editor, At(40));

        var restored = decision.ShouldEmitOnly<ArticleRestored>();
        restored.By.Id.ShouldBe("erin");
        restored.At.ShouldBe(At(40));
        var article = Take(spiked, decision);
        article.Status.ShouldBe(ArticleStatus.Draft);
        article.Revision.ShouldBe(1);
    }

    [Fact]
    public void an_approval_it_had_before_the_spike_is_gone_and_it_cannot_be_published()
    {
        var spikedWhileApproved = SpikedFrom(Approved());
        spikedWhileApproved.ApprovedRevision.ShouldBe(1);

        var article = Take(spikedWhileApproved, RestoreArticleEndpoint.Decide(spikedWhileApproved, People.Editor, At(40)));
        article.ApprovedRevision.ShouldBeNull();
        article.ApprovedBy.ShouldBeNull();
        PublishArticleEndpoint.Decide(article, false, People.Publisher.AsActor, At(45)).ShouldBeAnInvalidTransition();
    }

    [Fact]
    public void it_can_be_revised_and_submitted_again()
    {
        var spiked = Spiked();
        var article = Take(spiked, RestoreArticleEndpoint.Decide(spiked, People.Editor, At(40)));
        article = Revised(article, new ContentChanges(Body: Words(65)), minute: 41);
        SubmitForReviewEndpoint.Decide(new SubmitForReview(article.Version), article, People.Editor, At(42))
            .ShouldEmitOnly<SubmittedForReview>().Revision.ShouldBe(2);
    }
}

public class when_restoring_an_article_that_is_not_spiked
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.InReview)]
    [InlineData(ArticleStatus.Approved)]
    [InlineData(ArticleStatus.Published)]
    public void it_is_refused_as_an_invalid_transition(ArticleStatus status) =>
        RestoreArticleEndpoint.Decide(In(status), People.Editor, At(40)).ShouldBeAnInvalidTransition();
}

public class when_someone_comments_on_a_live_article
{
    private static readonly Guid CommentId = Guid.Parse("0199a1d0-0000-7000-8000-0000000c0001");

    [Fact]
    public void the_note_is_recorded_trimmed_with_its_id_author_and_time()
    {
        var draft = Draft();
        var decision = AddCommentEndpoint.Decide(CommentId, new AddComment("  Check the figures.  "), draft, People.Reviewer, At(8));

        var added = decision.ShouldEmitOnly<CommentAdded>();
        added.CommentId.ShouldBe(CommentId);
        added.Text.ShouldBe("Check the figures.");
        added.By.Id.ShouldBe("rita");

        // The note itself is a document of its own (ArticleComment, ADR 0042); the article only moves on a version.
        ArticleComment.From(draft.Id, added).ShouldBeEquivalentTo(new ArticleComment
            { Id = CommentId, ArticleId = draft.Id, Text = "Check the figures.", By = People.Reviewer.AsActor, At = At(8) });
        var article = Take(draft, decision);
        article.Version.ShouldBe(2);
        article.Revision.ShouldBe(1);
    }

    [Fact]
    public void a_published_article_still_takes_internal_notes() =>
        AddCommentEndpoint.Decide(CommentId, new AddComment("Reader called about the date."), Published(), People.Publisher, At(60))
            .ShouldEmitOnly<CommentAdded>();
}
