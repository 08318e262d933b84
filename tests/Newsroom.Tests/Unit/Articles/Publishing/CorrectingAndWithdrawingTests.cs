using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Publishing;
using Newsroom.Infrastructure.Http;
using static Newsroom.Tests.Unit.ArticleStories;
using static Newsroom.Tests.Unit.PublishingStories;

namespace Newsroom.Tests.Unit;

public class when_a_publisher_corrects_the_headline_of_a_published_article
{
    private const string NewHeadline = "Harbour bridge reopens after seven months of repairs";
    private readonly Article _published = Published();
    private readonly Decision _decision;

    public when_a_publisher_corrects_the_headline_of_a_published_article() =>
        // The body is sent unchanged, as a client sending the whole form would.
        _decision = CorrectArticleEndpoint.Decide(new ContentChanges(Headline: NewHeadline, Body: _published.Content.Body),
            "  The bridge was closed for seven months, not six.  ", _published, People.Publisher, At(40));

    [Fact]
    public void a_correction_of_only_the_changed_fields_is_recorded_as_the_next_revision_with_the_trimmed_note()
    {
        var corrected = _decision.ShouldEmitOnly<ArticleCorrected>();
        corrected.Revision.ShouldBe(2);
        corrected.Note.ShouldBe("The bridge was closed for seven months, not six.");
        corrected.By.ShouldBe(new Actor("paul", "Paul Publisher"));
        corrected.At.ShouldBe(At(40));
        corrected.Changes.FieldNames().ShouldBe(["headline"]);
    }

    [Fact]
    public void the_article_stays_published_at_the_same_url_with_the_new_headline()
    {
        var article = Take(_published, _decision);
        article.Status.ShouldBe(ArticleStatus.Published);
        article.Revision.ShouldBe(2);
        article.Content.Headline.ShouldBe(NewHeadline);
        article.Slug.ShouldBe(_published.Slug);
        article.PublishedAt.ShouldBe(At(15));
        article.UpdatedAt.ShouldBe(At(40));
    }

    [Fact]
    public void the_public_list_of_corrections_names_the_note_the_publisher_the_time_and_the_revision()
    {
        var correction = Take(_published, _decision).Corrections.ShouldHaveSingleItem();
        correction.ShouldBe(new Correction("The bridge was closed for seven months, not six.", At(40),
            new Actor("paul", "Paul Publisher"), 2));
    }

    [Fact]
    public void the_approval_still_names_the_revision_the_reviewer_approved()
    {
        var article = Take(_published, _decision);
        article.ApprovedRevision.ShouldBe(1);
        article.ApprovedBy.ShouldBe(new Actor("rita", "Rita Reviewer"));
    }
}

public class when_a_published_article_is_corrected_twice
{
    [Fact]
    public void the_revisions_follow_on_and_both_corrections_are_listed_in_order()
    {
        var article = Corrected("First fix.");
        article = Take(article, CorrectArticleEndpoint.Decide(new ContentChanges(Standfirst: "A new standfirst."), "Second fix.",
            article, People.Admin, At(45)));

        article.Revision.ShouldBe(3);
        article.Corrections.Select(c => (c.Note, c.Revision, c.By.Id)).ShouldBe([("First fix.", 2, "paul"), ("Second fix.", 3, "ada")]);
        article.Content.Standfirst.ShouldBe("A new standfirst.");
        article.Content.Body.ShouldBe(Words(61));
        article.Status.ShouldBe(ArticleStatus.Published);
    }
}

public class when_a_correction_tries_to_change_the_slug
{
    [Fact]
    public void it_is_refused_as_invalid_naming_the_slug()
    {
        var published = Published();
        CorrectArticleEndpoint.Decide(new ContentChanges(Slug: "a-better-url"), "New URL.", published, People.Publisher, At(40))
            .ShouldBeRefused(400, ErrorCodes.ValidationFailed).Errors.ShouldNotBeNull().Keys.ShouldBe(["slug"]);
    }

    [Fact]
    public void sending_the_current_slug_with_another_change_is_not_a_slug_change()
    {
        var published = Published();
        CorrectArticleEndpoint.Decide(new ContentChanges(Slug: published.Slug, Standfirst: "Added."), "Added a standfirst.",
            published, People.Publisher, At(40)).ShouldEmitOnly<ArticleCorrected>().Changes.FieldNames().ShouldBe(["standfirst"]);
    }
}

public class when_a_correction_changes_nothing
{
    [Fact]
    public void it_is_refused_as_invalid_naming_fields()
    {
        var published = Published();
        CorrectArticleEndpoint.Decide(new ContentChanges(Headline: Headline, Body: published.Content.Body), "Nothing really.",
                published, People.Publisher, At(40))
            .ShouldBeRefused(400, ErrorCodes.ValidationFailed).Errors.ShouldNotBeNull().Keys.ShouldBe(["fields"]);
    }
}

public class when_a_correction_blanks_the_headline
{
    [Fact]
    public void it_is_refused_as_invalid_naming_the_headline() =>
        CorrectArticleEndpoint.Decide(new ContentChanges(Headline: ""), "Removed the headline.", Published(), People.Publisher, At(40))
            .ShouldBeRefused(400, ErrorCodes.ValidationFailed).Errors.ShouldNotBeNull().Keys.ShouldBe(["headline"]);

    [Fact]
    public void through_the_request_a_whitespace_headline_is_blank_too()
    {
        var command = new CorrectArticle { Version = 4, Note = "Removed the headline.", Headline = "   " };
        CorrectArticleEndpoint.Decide(command.ToChanges(), command.Note, Published(), People.Publisher, At(40))
            .ShouldBeRefused(400, ErrorCodes.ValidationFailed).Errors.ShouldNotBeNull().Keys.ShouldBe(["headline"]);
    }
}

public class when_correcting_an_article_that_is_not_published
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Approved)]
    [InlineData(ArticleStatus.Spiked)]
    public void it_is_refused_as_an_invalid_transition(ArticleStatus status) =>
        CorrectArticleEndpoint.Decide(new ContentChanges(Body: "Fixed."), "Fixed.", In(status), People.Publisher, At(40))
            .ShouldBeAnInvalidTransition().Detail.ShouldContain("correct");

    [Fact]
    public void a_scheduled_article_is_not_corrected_but_revised() =>
        CorrectArticleEndpoint.Decide(new ContentChanges(Body: "Fixed."), "Fixed.", Scheduled(), People.Publisher, At(40))
            .ShouldBeAnInvalidTransition();
}

public class when_a_publisher_withdraws_a_published_article
{
    private readonly Article _published = Published();
    private readonly Decision _decision;

    public when_a_publisher_withdraws_a_published_article() =>
        _decision = WithdrawArticleEndpoint.Decide(new WithdrawArticle(_published.Version, "  Court order.  "), _published,
            People.Publisher, At(50));

    [Fact]
    public void it_records_the_trimmed_reason_the_publisher_and_the_time()
    {
        var withdrawn = _decision.ShouldEmitOnly<ArticleWithdrawn>();
        withdrawn.Reason.ShouldBe("Court order.");
        withdrawn.By.Id.ShouldBe("paul");
        withdrawn.At.ShouldBe(At(50));
    }

    [Fact]
    public void the_article_is_withdrawn_and_remembers_when_and_why()
    {
        var article = Take(_published, _decision);
        article.Status.ShouldBe(ArticleStatus.Withdrawn);
        article.WithdrawnAt.ShouldBe(At(50));
        article.WithdrawalReason.ShouldBe("Court order.");
        article.PublishedAt.ShouldBe(At(15));
        article.Slug.ShouldBe(_published.Slug);
    }
}

public class when_withdrawing_an_article_that_is_not_published
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Approved)]
    public void it_is_refused_as_an_invalid_transition(ArticleStatus status)
    {
        var article = In(status);
        WithdrawArticleEndpoint.Decide(new WithdrawArticle(article.Version, "Legal."), article, People.Publisher, At(50))
            .ShouldBeAnInvalidTransition().Detail.ShouldContain("withdraw");
    }

    [Fact]
    public void a_scheduled_article_is_unscheduled_not_withdrawn() =>
        WithdrawArticleEndpoint.Decide(new WithdrawArticle(4, "Legal."), Scheduled(), People.Publisher, At(50))
            .ShouldBeAnInvalidTransition();

    [Fact]
    public void an_article_already_withdrawn_is_not_withdrawn_twice() =>
        WithdrawArticleEndpoint.Decide(new WithdrawArticle(5, "Again."), Withdrawn(), People.Publisher, At(60))
            .ShouldBeAnInvalidTransition();
}

public class when_someone_works_on_a_withdrawn_article
{
    private readonly Article _withdrawn = Withdrawn();

    [Fact]
    public void revising_it_is_refused() =>
        ReviseArticleEndpoint.Decide(new ContentChanges(Body: "Edit."), _withdrawn, People.Editor, At(60))
            .ShouldBeAnInvalidTransition().Detail.ShouldContain("withdrawn");

    [Fact]
    public void correcting_it_is_refused() =>
        CorrectArticleEndpoint.Decide(new ContentChanges(Body: "Edit."), "Fixed.", _withdrawn, People.Publisher, At(60))
            .ShouldBeAnInvalidTransition().Detail.ShouldContain("withdrawn");

    [Fact]
    public void publishing_it_again_is_refused() =>
        PublishArticleEndpoint.Decide(_withdrawn, false, People.Publisher.AsActor, At(60)).ShouldBeAnInvalidTransition();

    [Fact]
    public void scheduling_it_again_is_refused() =>
        ScheduleArticleEndpoint.Decide(new ScheduleArticle(_withdrawn.Version, At(120)), SecondSchedule, _withdrawn, false,
            People.Publisher, At(60)).ShouldBeAnInvalidTransition();
}
