using Newsroom.Articles;
using Newsroom.Articles.Reviewing;
using Newsroom.Infrastructure.Http;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

public class when_an_editor_assigns_a_reviewer
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.InReview)]
    [InlineData(ArticleStatus.ChangesRequested)]
    public void the_reviewer_is_set_and_the_status_is_unchanged(ArticleStatus status)
    {
        var article = In(status);
        var decision = AssignReviewerEndpoint.Decide(new AssignReviewer(article.Version, "  rita "), article, People.Editor, At(7));

        var assigned = decision.ShouldEmitOnly<ReviewerAssigned>();
        assigned.ReviewerId.ShouldBe("rita");
        assigned.By.Id.ShouldBe("erin");
        var folded = Take(article, decision);
        folded.Reviewer.ShouldBe("rita");
        folded.Status.ShouldBe(status);
    }

    [Theory]
    [InlineData(ArticleStatus.Approved)]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Spiked)]
    public void it_is_refused_once_review_is_over_or_the_article_is_spiked(ArticleStatus status)
    {
        var article = In(status);
        AssignReviewerEndpoint.Decide(new AssignReviewer(article.Version, "rita"), article, People.Editor, At(30))
            .ShouldBeAnInvalidTransition();
    }
}

public class when_a_reviewer_approves_the_current_revision
{
    private readonly Article _inReview = InReview();
    private readonly Decision _decision;

    public when_a_reviewer_approves_the_current_revision() =>
        _decision = ApproveRevisionEndpoint.Decide(new ApproveRevision(2, 1, "Clean copy."), _inReview, People.Reviewer, At(10));

    [Fact]
    public void the_approval_binds_to_that_revision_and_names_the_reviewer()
    {
        var approved = _decision.ShouldEmitOnly<RevisionApproved>();
        approved.Revision.ShouldBe(1);
        approved.Note.ShouldBe("Clean copy.");
        approved.By.ShouldBe(new Actor("rita", "Rita Reviewer"));
        approved.At.ShouldBe(At(10));
    }

    [Fact]
    public void the_article_is_approved_with_approved_revision_and_approver()
    {
        var article = Take(_inReview, _decision);
        article.Status.ShouldBe(ArticleStatus.Approved);
        article.ApprovedRevision.ShouldBe(1);
        article.ApprovedBy.ShouldBe(new Actor("rita", "Rita Reviewer"));
    }
}

public class when_the_creator_tries_to_approve_their_own_article
{
    [Fact]
    public void it_is_refused_by_the_four_eyes_rule()
    {
        var article = InReview();
        ApproveRevisionEndpoint.Decide(new ApproveRevision(article.Version, article.Revision), article, People.Editor, At(10))
            .ShouldBeRefused(403, ErrorCodes.FourEyes);
    }

    [Fact]
    public void being_an_admin_does_not_lift_the_four_eyes_rule()
    {
        var article = Created(CompleteFields(), People.Admin);
        article = Take(article, SubmitForReviewEndpoint.Decide(new SubmitForReview(1), article, People.Admin, At(5)));
        ApproveRevisionEndpoint.Decide(new ApproveRevision(article.Version, article.Revision), article, People.Admin, At(10))
            .ShouldBeRefused(403, ErrorCodes.FourEyes);
    }
}

public class when_someone_who_revised_the_article_tries_to_approve_it
{
    [Fact]
    public void it_is_refused_by_the_four_eyes_rule_even_for_the_current_revision()
    {
        var article = Revised(InReview(), new ContentChanges(Standfirst: "A line from the admin."), People.Admin);
        article.Status.ShouldBe(ArticleStatus.InReview);

        ApproveRevisionEndpoint.Decide(new ApproveRevision(article.Version, article.Revision), article, People.Admin, At(40))
            .ShouldBeRefused(403, ErrorCodes.FourEyes);
    }
}

public class when_a_reviewer_approves_a_stale_revision
{
    // The reviewer read revision 1; meanwhile a second editor revised the article in review.
    private readonly Article _article = Revised(InReview(), new ContentChanges(Body: Words(75)), People.SecondEditor);

    [Fact]
    public void it_is_refused_with_revision_mismatch_naming_both_revisions()
    {
        var problem = ApproveRevisionEndpoint.Decide(new ApproveRevision(_article.Version, 1), _article, People.Reviewer, At(40))
            .ShouldBeRefused(409, ErrorCodes.RevisionMismatch);
        problem.Detail.ShouldContain("revision 1");
        problem.Detail.ShouldContain("revision 2");
    }

    [Fact]
    public void a_revision_that_does_not_exist_yet_is_a_mismatch_too() =>
        ApproveRevisionEndpoint.Decide(new ApproveRevision(_article.Version, 3), _article, People.Reviewer, At(40))
            .ShouldBeRefused(409, ErrorCodes.RevisionMismatch);

    [Fact]
    public void approving_the_revision_now_current_is_accepted() =>
        ApproveRevisionEndpoint.Decide(new ApproveRevision(_article.Version, 2), _article, People.Reviewer, At(40))
            .ShouldEmitOnly<RevisionApproved>().Revision.ShouldBe(2);
}

public class when_approving_an_article_that_is_not_in_review
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.ChangesRequested)]
    [InlineData(ArticleStatus.Approved)]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Spiked)]
    public void it_is_refused_as_an_invalid_transition(ArticleStatus status)
    {
        var article = In(status);
        ApproveRevisionEndpoint.Decide(new ApproveRevision(article.Version, article.Revision), article, People.Reviewer, At(40))
            .ShouldBeAnInvalidTransition();
    }
}

public class when_a_reviewer_requests_changes
{
    [Fact]
    public void the_article_goes_back_to_the_editor_with_the_comments_for_that_revision()
    {
        var inReview = InReview();
        var decision = RequestChangesEndpoint.Decide(new RequestChanges(inReview.Version, "  Add a second source.  "),
            inReview, People.Reviewer, At(10));

        var requested = decision.ShouldEmitOnly<ChangesRequested>();
        requested.Revision.ShouldBe(1);
        requested.Comments.ShouldBe("Add a second source.");
        requested.By.Id.ShouldBe("rita");
        Take(inReview, decision).Status.ShouldBe(ArticleStatus.ChangesRequested);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.ChangesRequested)]
    [InlineData(ArticleStatus.Approved)]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Spiked)]
    public void it_is_refused_as_an_invalid_transition_outside_review(ArticleStatus status)
    {
        var article = In(status);
        RequestChangesEndpoint.Decide(new RequestChanges(article.Version, "More."), article, People.Reviewer, At(40))
            .ShouldBeAnInvalidTransition();
    }
}

public class when_changes_were_requested_revised_and_resubmitted
{
    [Fact]
    public void the_reviewer_approves_the_new_revision_and_only_that_one()
    {
        var article = Revised(ChangesRequested(), new ContentChanges(Body: Words(90)));
        article = Take(article, SubmitForReviewEndpoint.Decide(new SubmitForReview(article.Version), article, People.Editor, At(35)));

        ApproveRevisionEndpoint.Decide(new ApproveRevision(article.Version, 1), article, People.Reviewer, At(40))
            .ShouldBeRefused(409, ErrorCodes.RevisionMismatch);
        article = Take(article, ApproveRevisionEndpoint.Decide(new ApproveRevision(article.Version, 2), article, People.Reviewer, At(40)));
        article.Status.ShouldBe(ArticleStatus.Approved);
        article.ApprovedRevision.ShouldBe(2);
    }
}
