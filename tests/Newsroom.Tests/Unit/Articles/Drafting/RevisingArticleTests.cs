using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Infrastructure.Http;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

public class when_an_editor_revises_a_draft
{
    private readonly Article _draft = Draft();
    private readonly Decision _decision;

    public when_an_editor_revises_a_draft() =>
        // The headline is sent unchanged, as a client sending the whole form would.
        _decision = ReviseArticleEndpoint.Decide(new ContentChanges(Headline: Headline, Body: "A new body."),
            _draft, People.Editor, At(30));

    [Fact]
    public void one_revision_is_recorded_with_the_next_revision_number_actor_and_time()
    {
        var revised = _decision.ShouldEmitOnly<ArticleRevised>();
        revised.Revision.ShouldBe(2);
        revised.By.ShouldBe(new Actor("erin", "Erin Editor"));
        revised.At.ShouldBe(At(30));
    }

    [Fact]
    public void only_the_fields_that_changed_are_recorded()
    {
        var changes = _decision.ShouldEmitOnly<ArticleRevised>().Changes;
        changes.Headline.ShouldBeNull();
        changes.Body.ShouldBe("A new body.");
        changes.FieldNames().ShouldBe(["body"]);
    }

    [Fact]
    public void the_folded_article_has_the_new_content_and_is_still_a_draft()
    {
        var article = Take(_draft, _decision);
        article.Status.ShouldBe(ArticleStatus.Draft);
        article.Revision.ShouldBe(2);
        article.Version.ShouldBe(2);
        article.Content.Body.ShouldBe("A new body.");
        article.Content.Headline.ShouldBe(Headline);
        article.UpdatedAt.ShouldBe(At(30));
    }
}

public class when_an_article_is_revised_again_and_again
{
    [Fact]
    public void each_revision_increments_the_revision_number()
    {
        var article = Revised(Draft(), new ContentChanges(Body: "First."));
        article.Revision.ShouldBe(2);
        article = Revised(article, new ContentChanges(Body: "Second."));
        article.Revision.ShouldBe(3);
        article.Version.ShouldBe(3);
    }

    [Fact]
    public void each_reviser_becomes_a_contributor_once_and_the_creator_stays_one()
    {
        var article = Revised(Draft(), new ContentChanges(Body: "First."), People.SecondEditor);
        article = Revised(article, new ContentChanges(Body: "Second."), People.SecondEditor);
        article.Contributors.ShouldBe(["erin", "sam"], ignoreOrder: true);
    }
}

public class when_an_article_in_review_is_revised
{
    [Fact]
    public void it_stays_in_review_at_the_next_revision_and_no_approval_is_voided()
    {
        var inReview = InReview();
        var decision = ReviseArticleEndpoint.Decide(new ContentChanges(Standfirst: "Now with a standfirst."),
            inReview, People.Editor, At(30));

        decision.ShouldEmitOnly<ArticleRevised>();
        var article = Take(inReview, decision);
        article.Status.ShouldBe(ArticleStatus.InReview);
        article.Revision.ShouldBe(2);
    }
}

public class when_an_article_with_changes_requested_is_revised
{
    [Fact]
    public void the_revision_is_recorded_and_it_waits_for_resubmission()
    {
        var article = Revised(ChangesRequested(), new ContentChanges(Body: Words(70)));
        article.Status.ShouldBe(ArticleStatus.ChangesRequested);
        article.Revision.ShouldBe(2);
    }
}

public class when_an_approved_article_is_revised
{
    private readonly Article _approved = Approved();
    private readonly Decision _decision;

    public when_an_approved_article_is_revised() =>
        _decision = ReviseArticleEndpoint.Decide(new ContentChanges(Headline: "A sharper headline"), _approved,
            People.Editor, At(30));

    [Fact]
    public void the_revision_and_the_voided_approval_are_both_recorded_in_that_order()
    {
        _decision.Problem.ShouldBeNull();
        _decision.Events.Count.ShouldBe(2);
        _decision.Events[0].ShouldBeOfType<ArticleRevised>().Revision.ShouldBe(2);
        var voided = _decision.Events[1].ShouldBeOfType<ApprovalVoided>();
        voided.ApprovedRevision.ShouldBe(1);
        voided.NewRevision.ShouldBe(2);
        voided.By.Id.ShouldBe("erin");
    }

    [Fact]
    public void the_article_is_a_draft_again_with_no_approval()
    {
        var article = Take(_approved, _decision);
        article.Status.ShouldBe(ArticleStatus.Draft);
        article.Revision.ShouldBe(2);
        article.ApprovedRevision.ShouldBeNull();
        article.ApprovedBy.ShouldBeNull();
        article.Content.Headline.ShouldBe("A sharper headline");
    }
}

public class when_a_published_or_spiked_article_is_revised
{
    [Theory]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Spiked)]
    public void it_is_refused_as_an_invalid_transition(ArticleStatus status) =>
        ReviseArticleEndpoint.Decide(new ContentChanges(Body: "Sneaky edit."), In(status), People.Editor, At(30))
            .ShouldBeAnInvalidTransition().Detail.ShouldContain(status.ToWireName());
}

public class when_a_revision_changes_nothing
{
    [Fact]
    public void sending_the_current_values_is_refused_as_a_validation_failure() =>
        ReviseArticleEndpoint.Decide(new ContentChanges(Headline: Headline, Body: Words(60), Desk: "world"),
                CompleteDraft(), People.Editor, At(30))
            .ShouldBeRefused(400, ErrorCodes.ValidationFailed).Errors.ShouldNotBeNull().ShouldNotBeEmpty();

    [Fact]
    public void sending_no_fields_at_all_is_refused_as_a_validation_failure() =>
        ReviseArticleEndpoint.Decide(new ContentChanges(), Draft(), People.Editor, At(30))
            .ShouldBeRefused(400, ErrorCodes.ValidationFailed);

    [Fact]
    public void clearing_an_embargo_that_is_not_there_changes_nothing_either() =>
        ReviseArticleEndpoint.Decide(new ContentChanges(ClearEmbargo: true), Draft(), People.Editor, At(30))
            .ShouldBeRefused(400, ErrorCodes.ValidationFailed);
}

public class when_a_revision_blanks_the_headline
{
    [Fact]
    public void it_is_refused_as_a_validation_failure_on_the_headline() =>
        ReviseArticleEndpoint.Decide(new ContentChanges(Headline: ""), Draft(), People.Editor, At(30))
            .ShouldBeRefused(400, ErrorCodes.ValidationFailed).Errors!.Keys.ShouldBe(["headline"]);
}

public class when_a_revision_moves_the_article_to_another_desk
{
    [Fact]
    public void an_editor_who_does_not_work_on_the_target_desk_is_forbidden() =>
        ReviseArticleEndpoint.Decide(new ContentChanges(Desk: "politics"), Draft(), People.Editor, At(30))
            .ShouldBeRefused(403, ErrorCodes.Forbidden).Detail.ShouldContain("politics");

    [Fact]
    public void an_editor_who_works_on_both_desks_moves_it()
    {
        var article = Revised(Draft(), new ContentChanges(Desk: "politics"), People.SecondEditor);
        article.Desk.ShouldBe("politics");
        article.Content.Desk.ShouldBe("politics");
    }
}

public class when_a_revision_touches_the_embargo
{
    private static readonly DateTimeOffset Embargo = new(2026, 7, 28, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void clearing_it_lifts_the_embargo_and_is_recorded_as_an_embargo_change()
    {
        var embargoed = CompleteDraft(embargoUntil: Embargo);
        var decision = ReviseArticleEndpoint.Decide(new ContentChanges(ClearEmbargo: true), embargoed, People.Editor, At(30));

        var changes = decision.ShouldEmitOnly<ArticleRevised>().Changes;
        changes.ClearEmbargo.ShouldBeTrue();
        changes.FieldNames().ShouldBe(["embargoUntil"]);
        Take(embargoed, decision).Content.EmbargoUntil.ShouldBeNull();
    }

    [Fact]
    public void setting_one_records_the_new_instant() =>
        Revised(Draft(), new ContentChanges(EmbargoUntil: Embargo)).Content.EmbargoUntil.ShouldBe(Embargo);

    [Fact]
    public void a_patch_lifts_the_embargo_only_when_asked_and_a_null_one_keeps_it()
    {
        new ReviseArticle { Version = 1, LiftEmbargo = true }.ToChanges().ClearEmbargo.ShouldBeTrue();
        new ReviseArticle { Version = 1, EmbargoUntil = null }.ToChanges().ClearEmbargo.ShouldBeFalse();
        new ReviseArticle { Version = 1, Body = "x" }.ToChanges().ClearEmbargo.ShouldBeFalse();
    }
}
