using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Spiking;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using static Newsroom.Tests.Unit.ArticleStories;
using static Newsroom.Tests.Unit.PublishingStories;

namespace Newsroom.Tests.Unit;

public class when_a_publisher_schedules_an_approved_article
{
    private readonly Article _approved = Approved();
    private readonly Decision _decision;

    public when_a_publisher_schedules_an_approved_article() =>
        _decision = ScheduleArticleEndpoint.Decide(new ScheduleArticle(_approved.Version, PublishAt), FirstSchedule,
            _approved, slugTakenByAnother: false, People.Publisher, At(12));

    [Fact]
    public void the_schedule_records_its_id_the_publication_time_the_publisher_and_when()
    {
        var scheduled = _decision.ShouldEmitOnly<ArticleScheduled>();
        scheduled.ArticleId.ShouldBe(ArticleId);
        scheduled.ScheduleId.ShouldBe(FirstSchedule);
        scheduled.PublishAt.ShouldBe(PublishAt);
        scheduled.By.ShouldBe(new Actor("paul", "Paul Publisher"));
        scheduled.At.ShouldBe(At(12));
    }

    [Fact]
    public void exactly_one_durable_trigger_for_this_schedule_is_sent_for_the_publication_time()
    {
        var outgoing = _decision.Messages.ShouldHaveSingleItem();
        outgoing.Message.ShouldBe(new PublishScheduledArticle(ArticleId, FirstSchedule));
        outgoing.DeliverAt.ShouldBe(PublishAt);
    }

    [Fact]
    public void the_article_is_scheduled_and_remembers_when_under_which_schedule_and_by_whom()
    {
        var article = Take(_approved, _decision);
        article.Status.ShouldBe(ArticleStatus.Scheduled);
        article.ScheduledFor.ShouldBe(PublishAt);
        article.ScheduleId.ShouldBe(FirstSchedule);
        article.ScheduledBy.ShouldBe(new Actor("paul", "Paul Publisher"));
        article.ApprovedRevision.ShouldBe(1);
        article.Version.ShouldBe(4);
    }
}

public class when_the_publication_time_is_given_in_another_time_zone
{
    // 13:00 in Paris in summer is 11:00 UTC.
    private static readonly DateTimeOffset InParis = new(2026, 7, 27, 13, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void the_event_and_the_trigger_carry_the_same_instant_in_utc()
    {
        var article = Approved();
        var decision = ScheduleArticleEndpoint.Decide(new ScheduleArticle(article.Version, InParis), FirstSchedule,
            article, false, People.Publisher, At(12));

        var scheduled = decision.ShouldEmitOnly<ArticleScheduled>();
        scheduled.PublishAt.Offset.ShouldBe(TimeSpan.Zero);
        scheduled.PublishAt.ShouldBe(At(120));
        var deliverAt = decision.Messages.ShouldHaveSingleItem().DeliverAt.ShouldNotBeNull();
        deliverAt.Offset.ShouldBe(TimeSpan.Zero);
        deliverAt.ShouldBe(scheduled.PublishAt);
    }
}

public class when_a_scheduled_article_is_rescheduled
{
    private readonly Article _scheduled = Scheduled();
    private readonly Decision _decision;

    public when_a_scheduled_article_is_rescheduled() =>
        _decision = ScheduleArticleEndpoint.Decide(new ScheduleArticle(_scheduled.Version, At(180)), SecondSchedule,
            _scheduled, false, People.Publisher, At(20));

    [Fact]
    public void it_is_allowed_under_a_new_schedule_with_a_trigger_of_its_own()
    {
        var rescheduled = _decision.ShouldEmitOnly<ArticleScheduled>();
        rescheduled.ScheduleId.ShouldBe(SecondSchedule);
        rescheduled.PublishAt.ShouldBe(At(180));
        var outgoing = _decision.Messages.ShouldHaveSingleItem();
        outgoing.Message.ShouldBe(new PublishScheduledArticle(ArticleId, SecondSchedule));
        outgoing.DeliverAt.ShouldBe(At(180));
    }

    [Fact]
    public void the_article_carries_only_the_new_schedule()
    {
        var article = Take(_scheduled, _decision);
        article.Status.ShouldBe(ArticleStatus.Scheduled);
        article.ScheduleId.ShouldBe(SecondSchedule);
        article.ScheduledFor.ShouldBe(At(180));
    }
}

public class when_a_publisher_schedules_for_a_time_that_is_not_in_the_future
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void it_is_refused_as_invalid_naming_publishAt(int minutesFromNow)
    {
        var article = Approved();
        var now = At(12);
        var decision = ScheduleArticleEndpoint.Decide(new ScheduleArticle(article.Version, now.AddMinutes(minutesFromNow)),
            FirstSchedule, article, false, People.Publisher, now);

        var problem = decision.ShouldBeRefused(400, ErrorCodes.ValidationFailed);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(["publishAt"]);
        decision.Messages.ShouldBeEmpty();
    }

    [Fact]
    public void one_second_from_now_is_allowed() =>
        ScheduleArticleEndpoint.Decide(new ScheduleArticle(4, At(12).AddSeconds(1)), FirstSchedule, Approved(), false,
            People.Publisher, At(12)).ShouldEmitOnly<ArticleScheduled>().PublishAt.ShouldBe(At(12).AddSeconds(1));
}

public class when_a_publisher_schedules_before_the_embargo
{
    private static readonly DateTimeOffset Embargo = At(240);

    private static Decision ScheduleFor(DateTimeOffset publishAt)
    {
        var article = Approved(embargoUntil: Embargo);
        return ScheduleArticleEndpoint.Decide(new ScheduleArticle(article.Version, publishAt), FirstSchedule, article,
            false, People.Publisher, At(12));
    }

    [Fact]
    public void it_is_refused_with_embargo_active_naming_the_embargo()
    {
        var decision = ScheduleFor(Embargo.AddSeconds(-1));
        decision.ShouldBeRefused(409, ErrorCodes.EmbargoActive).Detail.ShouldContain("2026-07-27T13:00:00Z");
        decision.Messages.ShouldBeEmpty();
    }

    [Fact]
    public void at_the_embargo_instant_it_is_allowed()
    {
        var decision = ScheduleFor(Embargo);
        decision.ShouldEmitOnly<ArticleScheduled>().PublishAt.ShouldBe(Embargo);
        decision.Messages.ShouldHaveSingleItem().DeliverAt.ShouldBe(Embargo);
    }
}

public class when_scheduling_while_another_live_article_has_the_slug
{
    [Fact]
    public void it_is_refused_with_slug_taken_naming_the_slug()
    {
        var article = Approved();
        var decision = ScheduleArticleEndpoint.Decide(new ScheduleArticle(article.Version, PublishAt), FirstSchedule,
            article, slugTakenByAnother: true, People.Publisher, At(12));

        decision.ShouldBeRefused(409, ErrorCodes.SlugTaken).Detail.ShouldContain(article.Slug);
        decision.Messages.ShouldBeEmpty();
    }
}

public class when_scheduling_an_article_that_is_not_approved
{
    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.InReview)]
    [InlineData(ArticleStatus.Published)]
    public void it_is_refused_as_an_invalid_transition_and_nothing_is_sent(ArticleStatus status)
    {
        var article = In(status);
        var decision = ScheduleArticleEndpoint.Decide(new ScheduleArticle(article.Version, PublishAt), FirstSchedule,
            article, false, People.Publisher, At(60));

        decision.ShouldBeAnInvalidTransition().Detail.ShouldContain("schedule");
        decision.Messages.ShouldBeEmpty();
    }

    [Fact]
    public void an_approval_voided_by_a_later_revision_no_longer_allows_scheduling()
    {
        var article = Revised(Approved(), new ContentChanges(Body: Words(55)));
        ScheduleArticleEndpoint.Decide(new ScheduleArticle(article.Version, PublishAt), FirstSchedule, article, false,
            People.Publisher, At(60)).ShouldBeAnInvalidTransition();
    }

    [Fact]
    public void an_approval_of_an_older_revision_is_refused_even_if_the_status_still_says_approved()
    {
        // Not reachable through the deciders (a revision voids the approval), but the guard must hold on its own.
        var article = Approved();
        article.Revision = 2;

        ScheduleArticleEndpoint.Decide(new ScheduleArticle(article.Version, PublishAt), FirstSchedule, article, false,
            People.Publisher, At(60)).ShouldBeAnInvalidTransition().Detail.ShouldContain("approv");
    }
}

public class when_a_publisher_unschedules_a_scheduled_article
{
    private readonly Article _scheduled = Scheduled();
    private readonly Decision _decision;

    public when_a_publisher_unschedules_a_scheduled_article() =>
        _decision = UnscheduleArticleEndpoint.Decide(_scheduled, People.Publisher, At(30));

    [Fact]
    public void it_records_which_schedule_was_cancelled_by_whom_and_when()
    {
        var unscheduled = _decision.ShouldEmitOnly<ArticleUnscheduled>();
        unscheduled.ScheduleId.ShouldBe(FirstSchedule);
        unscheduled.By.Id.ShouldBe("paul");
        unscheduled.At.ShouldBe(At(30));
        _decision.Messages.ShouldBeEmpty();
    }

    [Fact]
    public void the_article_is_approved_again_with_no_schedule_left()
    {
        var article = Take(_scheduled, _decision);
        article.Status.ShouldBe(ArticleStatus.Approved);
        article.ScheduledFor.ShouldBeNull();
        article.ScheduleId.ShouldBeNull();
        article.ScheduledBy.ShouldBeNull();
        article.ApprovedRevision.ShouldBe(1);
    }

    [Fact]
    public void it_can_then_be_published_by_hand() =>
        PublishArticleEndpoint.Decide(Take(_scheduled, _decision), false, People.Publisher.AsActor, At(31))
            .ShouldEmitOnly<ArticlePublished>().ScheduleId.ShouldBeNull();
}

public class when_unscheduling_an_article_that_is_not_scheduled
{
    [Theory]
    [InlineData(ArticleStatus.Approved)]
    [InlineData(ArticleStatus.Published)]
    public void it_is_refused_as_an_invalid_transition(ArticleStatus status) =>
        UnscheduleArticleEndpoint.Decide(In(status), People.Publisher, At(30)).ShouldBeAnInvalidTransition();
}

public class when_the_scheduled_time_comes
{
    private static readonly CurrentUser Scheduler = People.User("sol", "Sol Scheduler", [Roles.Publisher], []);
    private readonly Article _scheduled;
    private readonly Decision _decision;

    public when_the_scheduled_time_comes()
    {
        var approved = Approved();
        _scheduled = Take(approved, ScheduleArticleEndpoint.Decide(new ScheduleArticle(approved.Version, PublishAt),
            FirstSchedule, approved, false, Scheduler, At(12)));
        _decision = PublishScheduledArticleHandler.Decide(new PublishScheduledArticle(ArticleId, FirstSchedule), _scheduled,
            slugTakenByAnother: false, PublishAt);
    }

    [Fact]
    public void it_is_published_as_the_publisher_who_scheduled_it_under_that_schedule()
    {
        var published = _decision.ShouldEmitOnly<ArticlePublished>();
        published.By.ShouldBe(new Actor("sol", "Sol Scheduler"));
        published.At.ShouldBe(PublishAt);
        published.ScheduleId.ShouldBe(FirstSchedule);
        published.Revision.ShouldBe(1);
        published.Slug.ShouldBe(_scheduled.Slug);
    }

    [Fact]
    public void the_article_is_published_at_that_time_and_the_schedule_is_cleared()
    {
        var article = Take(_scheduled, _decision);
        article.Status.ShouldBe(ArticleStatus.Published);
        article.PublishedAt.ShouldBe(PublishAt);
        article.ScheduleId.ShouldBeNull();
        article.ScheduledFor.ShouldBeNull();
        article.ScheduledBy.ShouldBeNull();
    }
}

public class when_the_scheduled_time_comes_but_the_slug_went_live_elsewhere
{
    private readonly Article _scheduled = Scheduled();
    private readonly Decision _decision;

    public when_the_scheduled_time_comes_but_the_slug_went_live_elsewhere() =>
        _decision = PublishScheduledArticleHandler.Decide(new PublishScheduledArticle(ArticleId, FirstSchedule), _scheduled,
            slugTakenByAnother: true, PublishAt);

    [Fact]
    public void the_failure_is_recorded_with_the_code_and_the_reason()
    {
        var failed = _decision.ShouldEmitOnly<ScheduledPublicationFailed>();
        failed.ScheduleId.ShouldBe(FirstSchedule);
        failed.Code.ShouldBe(ErrorCodes.SlugTaken);
        failed.Detail.ShouldContain(_scheduled.Slug);
        failed.By.ShouldBe(new Actor("paul", "Paul Publisher"));
        failed.At.ShouldBe(PublishAt);
    }

    [Fact]
    public void the_article_falls_back_to_approved_without_a_schedule()
    {
        var article = Take(_scheduled, _decision);
        article.Status.ShouldBe(ArticleStatus.Approved);
        article.ScheduleId.ShouldBeNull();
        article.ScheduledFor.ShouldBeNull();
        article.PublishedAt.ShouldBeNull();
        article.ApprovedRevision.ShouldBe(1);
    }
}

public class when_the_scheduled_trigger_fires_before_the_embargo
{
    [Fact]
    public void the_failure_is_recorded_as_embargo_active_and_the_article_stays_unpublished()
    {
        var embargo = At(240);
        var scheduled = Scheduled(publishAt: embargo, embargoUntil: embargo);

        var decision = PublishScheduledArticleHandler.Decide(new PublishScheduledArticle(ArticleId, FirstSchedule), scheduled,
            false, embargo.AddMinutes(-1));

        var failed = decision.ShouldEmitOnly<ScheduledPublicationFailed>();
        failed.Code.ShouldBe(ErrorCodes.EmbargoActive);
        failed.Detail.ShouldContain("2026-07-27T13:00:00Z");
        Take(scheduled, decision).Status.ShouldBe(ArticleStatus.Approved);
    }
}

public class when_a_publisher_publishes_a_scheduled_article_by_hand
{
    private readonly Article _scheduled = Scheduled();
    private readonly Decision _decision;

    public when_a_publisher_publishes_a_scheduled_article_by_hand() =>
        _decision = PublishArticleEndpoint.Decide(_scheduled, false, People.Admin.AsActor, At(30));

    [Fact]
    public void it_is_allowed_as_an_ordinary_publication_by_that_publisher()
    {
        var published = _decision.ShouldEmitOnly<ArticlePublished>();
        published.ScheduleId.ShouldBeNull();
        published.By.Id.ShouldBe("ada");
        published.At.ShouldBe(At(30));
    }

    [Fact]
    public void the_schedule_is_cleared()
    {
        var article = Take(_scheduled, _decision);
        article.Status.ShouldBe(ArticleStatus.Published);
        article.PublishedAt.ShouldBe(At(30));
        article.ScheduledFor.ShouldBeNull();
        article.ScheduleId.ShouldBeNull();
        article.ScheduledBy.ShouldBeNull();
    }
}

public class when_a_scheduled_article_is_revised
{
    private readonly Article _scheduled = Scheduled();
    private readonly Decision _decision;

    public when_a_scheduled_article_is_revised() =>
        _decision = ReviseArticleEndpoint.Decide(new ContentChanges(Body: Words(70)), _scheduled, People.Editor, At(30));

    [Fact]
    public void the_revision_voids_the_approval_it_was_scheduled_under()
    {
        _decision.Problem.ShouldBeNull();
        _decision.Events.Select(e => e.GetType()).ShouldBe([typeof(ArticleRevised), typeof(ApprovalVoided)]);
        var voided = _decision.Events[1].ShouldBeOfType<ApprovalVoided>();
        voided.ApprovedRevision.ShouldBe(1);
        voided.NewRevision.ShouldBe(2);
    }

    [Fact]
    public void the_article_is_a_draft_with_neither_approval_nor_schedule()
    {
        var article = Take(_scheduled, _decision);
        article.Status.ShouldBe(ArticleStatus.Draft);
        article.Revision.ShouldBe(2);
        article.ApprovedRevision.ShouldBeNull();
        article.ScheduleId.ShouldBeNull();
        article.ScheduledFor.ShouldBeNull();
        article.ScheduledBy.ShouldBeNull();
    }
}

public class when_a_scheduled_article_is_spiked
{
    private readonly Article _scheduled = Scheduled();
    private readonly Decision _decision;

    public when_a_scheduled_article_is_spiked() =>
        _decision = SpikeArticleEndpoint.Decide(new SpikeArticle(_scheduled.Version, "Story fell through."), _scheduled,
            People.Editor, At(30));

    [Fact]
    public void it_is_spiked_from_scheduled_and_the_schedule_is_cleared()
    {
        _decision.ShouldEmitOnly<ArticleSpiked>().From.ShouldBe(ArticleStatus.Scheduled);
        var article = Take(_scheduled, _decision);
        article.Status.ShouldBe(ArticleStatus.Spiked);
        article.ScheduleId.ShouldBeNull();
        article.ScheduledFor.ShouldBeNull();
        article.ScheduledBy.ShouldBeNull();
    }

    [Fact]
    public void restoring_it_gives_a_draft_that_needs_approval_again()
    {
        var article = Take(_scheduled, _decision);
        article = Take(article, RestoreArticleEndpoint.Decide(article, People.Editor, At(40)));

        article.Status.ShouldBe(ArticleStatus.Draft);
        article.ApprovedRevision.ShouldBeNull();
        ScheduleArticleEndpoint.Decide(new ScheduleArticle(article.Version, PublishAt), SecondSchedule, article, false,
            People.Publisher, At(41)).ShouldBeAnInvalidTransition();
    }
}
