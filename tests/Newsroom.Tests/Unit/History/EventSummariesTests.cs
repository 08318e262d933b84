using Newsroom.Articles;
using Newsroom.History;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

/// <summary>One of every article event, as a timeline would meet it.</summary>
public static class EveryEvent
{
    public static readonly Actor Erin = new("erin", "Erin Editor");
    public static readonly Actor Rita = new("rita", "Rita Reviewer");
    public static readonly Actor Paul = new("paul", "Paul Publisher");
    private static readonly Guid Schedule = Guid.Parse("0199a1d0-0000-7000-8000-000000005001");

    public static readonly ArticleContent Content = new(Headline, null, Words(60), "world", ["Erin Editor"], [], null, [], "en",
        "harbour-bridge", null, 4);

    /// <summary>Event, the sentence a person reads, the revision it concerns.</summary>
    public static readonly (IArticleEvent Event, string Summary, int? Revision)[] WithSummaries =
    [
        (new ArticleCreated(ArticleId, Content, "editor", Erin, Now),
            "Erin Editor created the article on the world desk (revision 1)", 1),
        (new ArticleCreated(ArticleId, Content, "text_import", Erin, Now),
            "Erin Editor created the article (text import) on the world desk (revision 1)", 1),
        (new ArticleRevised(ArticleId, 2, new ContentChanges(Headline: "New", Body: "Body."), Erin, At(1)),
            "Erin Editor revised headline, body (revision 2)", 2),
        (new ApprovalVoided(ArticleId, 3, 4, Erin, At(2)),
            "The approval of revision 3 was voided by Erin Editor's change (revision 4); back to draft", 4),
        (new SubmittedForReview(ArticleId, 2, null, Erin, At(3)),
            "Erin Editor submitted revision 2 for review", 2),
        (new ReviewerAssigned(ArticleId, "rita", Erin, At(4)),
            "Erin Editor assigned rita as reviewer", null),
        (new RevisionApproved(ArticleId, 2, "Good.", Rita, At(5)),
            "Rita Reviewer approved revision 2", 2),
        (new ChangesRequested(ArticleId, 2, "Add a source.", Rita, At(6)),
            "Rita Reviewer requested changes to revision 2", 2),
        (new ArticlePublished(ArticleId, 2, "harbour-bridge", Paul, At(7)),
            "Paul Publisher published revision 2", 2),
        (new ArticlePublished(ArticleId, 2, "harbour-bridge", Paul, At(8), Schedule),
            "Revision 2 was published as scheduled by Paul Publisher", 2),
        (new ArticleScheduled(ArticleId, Schedule, At(120), Paul, At(9)),
            "Paul Publisher scheduled publication for 2026-07-27T11:00:00Z", null),
        (new ArticleUnscheduled(ArticleId, Schedule, Paul, At(10)),
            "Paul Publisher cancelled the scheduled publication", null),
        (new ScheduledPublicationFailed(ArticleId, Schedule, "slug_taken", "Another live article already uses the slug.", Paul, At(11)),
            "The scheduled publication was refused (slug_taken): Another live article already uses the slug.", null),
        (new ArticleCorrected(ArticleId, 3, new ContentChanges(Headline: "Fixed"), "Fixed the name.", Paul, At(12)),
            "Paul Publisher corrected headline (revision 3): Fixed the name.", 3),
        (new ArticleWithdrawn(ArticleId, "Court order.", Paul, At(13)),
            "Paul Publisher withdrew the article: Court order.", null),
        (new ArticleSpiked(ArticleId, ArticleStatus.Draft, "Unverified.", Erin, At(14)),
            "Erin Editor spiked the article: Unverified.", null),
        (new ArticleSpiked(ArticleId, ArticleStatus.Draft, null, Erin, At(14)),
            "Erin Editor spiked the article", null),
        (new ArticleRestored(ArticleId, Erin, At(15)),
            "Erin Editor restored the article to draft", null),
        (new CommentAdded(ArticleId, Guid.NewGuid(), "Internal only.", Rita, At(16)),
            "Rita Reviewer commented", null),
    ];
}

public class when_a_timeline_summarizes_an_event
{
    [Fact]
    public void each_event_reads_as_one_sentence_naming_who_did_what() =>
        EveryEvent.WithSummaries.Select(s => EventSummaries.For(s.Event)).ShouldBe(EveryEvent.WithSummaries.Select(s => s.Summary));

    [Fact]
    public void each_event_names_the_revision_it_concerns_where_one_applies() =>
        EveryEvent.WithSummaries.Select(s => (s.Event.GetType().Name, EventSummaries.RevisionOf(s.Event)))
            .ShouldBe(EveryEvent.WithSummaries.Select(s => (s.Event.GetType().Name, s.Revision)));
}
