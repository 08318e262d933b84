using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Reviewing;
using Newsroom.Infrastructure.Http;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

public class when_an_editor_submits_a_complete_draft
{
    private readonly Article _draft = CompleteDraft();
    private readonly Decision _decision;

    public when_an_editor_submits_a_complete_draft() =>
        _decision = SubmitForReviewEndpoint.Decide(new SubmitForReview(1, "Ready when you are."), _draft, People.Editor, At(5));

    [Fact]
    public void the_submission_names_the_revision_note_actor_and_time()
    {
        var submitted = _decision.ShouldEmitOnly<SubmittedForReview>();
        submitted.Revision.ShouldBe(1);
        submitted.Note.ShouldBe("Ready when you are.");
        submitted.By.Id.ShouldBe("erin");
        submitted.At.ShouldBe(At(5));
    }

    [Fact]
    public void the_article_goes_into_review_and_remembers_when()
    {
        var article = Take(_draft, _decision);
        article.Status.ShouldBe(ArticleStatus.InReview);
        article.SubmittedAt.ShouldBe(At(5));
        article.Version.ShouldBe(2);
    }
}

public class when_an_editor_resubmits_after_changes_were_requested
{
    [Fact]
    public void the_revised_article_goes_back_into_review_at_its_new_revision()
    {
        var article = Revised(ChangesRequested(), new ContentChanges(Body: Words(80)));
        var decision = SubmitForReviewEndpoint.Decide(new SubmitForReview(article.Version), article, People.Editor, At(40));

        decision.ShouldEmitOnly<SubmittedForReview>().Revision.ShouldBe(2);
        Take(article, decision).Status.ShouldBe(ArticleStatus.InReview);
    }
}

public class when_an_editor_submits_an_incomplete_draft
{
    [Fact]
    public void a_draft_without_byline_or_body_is_refused_as_incomplete_naming_both()
    {
        var problem = SubmitForReviewEndpoint.Decide(new SubmitForReview(1), Draft(), People.Editor, At(5))
            .ShouldBeRefused(409, ErrorCodes.Incomplete);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(["byline", "body"], ignoreOrder: true);
    }

    [Fact]
    public void a_blank_headline_is_named_too()
    {
        var draft = Created(new CreateArticle("   ", "world", Body: Words(60), Byline: ["Erin Editor"]));
        SubmitForReviewEndpoint.Decide(new SubmitForReview(1), draft, People.Editor, At(5))
            .ShouldBeRefused(409, ErrorCodes.Incomplete).Errors!.Keys.ShouldBe(["headline"]);
    }

    [Fact]
    public void a_byline_of_blank_names_does_not_count()
    {
        var draft = Created(new CreateArticle(Headline, "world", Body: Words(60), Byline: ["  ", ""]));
        SubmitForReviewEndpoint.Decide(new SubmitForReview(1), draft, People.Editor, At(5))
            .ShouldBeRefused(409, ErrorCodes.Incomplete).Errors!.Keys.ShouldBe(["byline"]);
    }

    [Fact]
    public void the_body_error_says_how_many_words_it_has()
    {
        var draft = Created(new CreateArticle(Headline, "world", Body: Words(12), Byline: ["Erin Editor"]));
        SubmitForReviewEndpoint.Decide(new SubmitForReview(1), draft, People.Editor, At(5))
            .ShouldBeRefused(409, ErrorCodes.Incomplete).Errors!["body"].Single().ShouldContain("12");
    }
}

public class when_the_body_is_at_the_fifty_word_boundary
{
    private static Decision SubmitWithBody(string body)
    {
        var draft = Created(new CreateArticle(Headline, "world", Body: body, Byline: ["Erin Editor"]));
        return SubmitForReviewEndpoint.Decide(new SubmitForReview(1), draft, People.Editor, At(5));
    }

    [Fact]
    public void forty_nine_words_are_one_too_few()
    {
        ArticleRules.WordCount(Words(49)).ShouldBe(49);
        SubmitWithBody(Words(49)).ShouldBeRefused(409, ErrorCodes.Incomplete).Errors!.Keys.ShouldBe(["body"]);
    }

    [Fact]
    public void fifty_words_are_enough()
    {
        ArticleRules.WordCount(Words(50)).ShouldBe(50);
        SubmitWithBody(Words(50)).ShouldEmitOnly<SubmittedForReview>();
    }

    [Fact]
    public void markdown_markup_does_not_pad_the_count()
    {
        var body = "# " + Words(49) + "\n\n---\n\n**  ** _ * > - | |";
        ArticleRules.WordCount(body).ShouldBe(49);
        SubmitWithBody(body).ShouldBeRefused(409, ErrorCodes.Incomplete);
    }
}

public class when_counting_words
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("**Kim Jong-un's** visit — _today_", 4)]
    [InlineData("Lý Hồng Trung visited Pyongyang in 2023", 7)]
    [InlineData("Minister’s plan", 2)]
    public void a_word_is_a_run_of_letters_or_digits_with_inner_hyphens_and_apostrophes(string? text, int words) =>
        ArticleRules.WordCount(text).ShouldBe(words);
}

public class when_submitting_from_a_status_that_is_not_a_draft
{
    [Theory]
    [InlineData(ArticleStatus.InReview)]
    [InlineData(ArticleStatus.Approved)]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Spiked)]
    public void it_is_refused_as_an_invalid_transition(ArticleStatus status)
    {
        var article = In(status);
        SubmitForReviewEndpoint.Decide(new SubmitForReview(article.Version), article, People.Editor, At(40))
            .ShouldBeAnInvalidTransition();
    }
}
