using Newsroom.Articles;
using Newsroom.History;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

/// <summary>Hand-built revision histories: each snapshot is the full content plus what that revision changed.</summary>
public static class Revisions
{
    public static readonly Actor Erin = new("erin", "Erin Editor");
    public static readonly Actor Sam = new("sam", "Sam Second");
    public static readonly Actor Paul = new("paul", "Paul Publisher");
    public static readonly Actor Rita = new("rita", "Rita Reviewer");

    public static readonly ArticleContent First = new(Headline, "The standfirst.", Body("Alpha.", "Bravo.", "Charlie."), "world",
        ["Erin Editor"], ["transport"], null, [], "en", "harbour-bridge", null, 4);

    public static string Body(params string[] paragraphs) => string.Join("\n\n", paragraphs);

    public static RevisionSnapshot Created(ArticleContent? content = null) =>
        new(1, At(0), Erin, content ?? First, ContentChanges: null, CorrectionNote: null);

    /// <summary>The next revision after <paramref name="previous"/>, applying <paramref name="changes"/>.</summary>
    public static RevisionSnapshot Next(RevisionSnapshot previous, ContentChanges changes, Actor? by = null, string? note = null) =>
        new(previous.Revision + 1, At(previous.Revision * 10), by ?? Erin, changes.ApplyTo(previous.Content), changes, note);

    public static RevisionApproved Approval(int revision, int minute) => new(ArticleId, revision, null, Rita, At(minute));
}

public class when_blaming_the_paragraphs_of_a_body_that_changed_over_revisions
{
    // r1: Alpha, Bravo, Charlie (Erin)
    // r2: Bravo is reworded (Sam)
    // r3: Delta is inserted between Alpha and Bravo-2 (Erin)
    // r4: Alpha moves to the end (Sam)
    private readonly BlameResponse _blame;

    public when_blaming_the_paragraphs_of_a_body_that_changed_over_revisions()
    {
        var r1 = Revisions.Created();
        var r2 = Revisions.Next(r1, new ContentChanges(Body: Revisions.Body("Alpha.", "Bravo, reworded.", "Charlie.")), Revisions.Sam);
        var r3 = Revisions.Next(r2, new ContentChanges(Body: Revisions.Body("Alpha.", "Delta.", "Bravo, reworded.", "Charlie.")));
        var r4 = Revisions.Next(r3, new ContentChanges(Body: Revisions.Body("Delta.", "Bravo, reworded.", "Charlie.", "Alpha.")), Revisions.Sam);
        _blame = BlameEndpoint.Attribute([r1, r2, r3, r4], []);
    }

    [Fact]
    public void the_paragraphs_are_the_current_ones_in_order() =>
        _blame.Paragraphs.Select(p => (p.Index, p.Text)).ShouldBe([(0, "Delta."), (1, "Bravo, reworded."), (2, "Charlie."), (3, "Alpha.")]);

    [Fact]
    public void a_paragraph_kept_word_for_word_keeps_the_revision_that_wrote_it() =>
        _blame.Paragraphs[2].ShouldSatisfyAllConditions(
            p => p.Revision.ShouldBe(1), p => p.By.ShouldBe(Revisions.Erin), p => p.At.ShouldBe(At(0)));

    [Fact]
    public void an_edited_paragraph_belongs_to_the_revision_that_edited_it() =>
        _blame.Paragraphs[1].ShouldSatisfyAllConditions(p => p.Revision.ShouldBe(2), p => p.By.ShouldBe(Revisions.Sam));

    [Fact]
    public void an_inserted_paragraph_belongs_to_the_revision_that_inserted_it() =>
        _blame.Paragraphs[0].Revision.ShouldBe(3);

    [Fact]
    public void moving_a_paragraph_leaves_the_others_attributions_alone_and_the_move_belongs_to_the_mover()
    {
        _blame.Paragraphs.Take(3).Select(p => p.Revision).ShouldBe([3, 2, 1]);
        _blame.Paragraphs[3].ShouldSatisfyAllConditions(p => p.Revision.ShouldBe(4), p => p.By.ShouldBe(Revisions.Sam));
    }

    [Fact]
    public void the_response_names_the_current_revision() => _blame.Revision.ShouldBe(4);
}

public class when_blaming_the_fields_of_an_article
{
    private readonly BlameResponse _blame;

    public when_blaming_the_fields_of_an_article()
    {
        var r1 = Revisions.Created();
        var r2 = Revisions.Next(r1, new ContentChanges(Headline: "A sharper headline"), Revisions.Sam);
        var r3 = Revisions.Next(r2, new ContentChanges(Tags: ["transport", "city"], Priority: 2));
        var r4 = Revisions.Next(r3, new ContentChanges(Standfirst: "A corrected standfirst."), Revisions.Paul, note: "Fixed a date.");
        _blame = BlameEndpoint.Attribute([r1, r2, r3, r4], []);
    }

    private FieldBlame Field(string name) => _blame.Fields.Single(f => f.Field == name);

    [Fact]
    public void every_content_field_is_attributed_once_in_contract_order() =>
        _blame.Fields.Select(f => f.Field).ShouldBe(
            ["headline", "standfirst", "body", "desk", "byline", "tags", "category", "locations", "language", "slug", "embargoUntil", "priority"]);

    [Fact]
    public void a_field_belongs_to_the_last_revision_that_changed_it()
    {
        Field("headline").ShouldSatisfyAllConditions(f => f.Revision.ShouldBe(2), f => f.By.ShouldBe(Revisions.Sam), f => f.At.ShouldBe(At(10)));
        Field("tags").Revision.ShouldBe(3);
        Field("priority").Revision.ShouldBe(3);
        Field("standfirst").ShouldSatisfyAllConditions(f => f.Revision.ShouldBe(4), f => f.By.ShouldBe(Revisions.Paul));
    }

    [Fact]
    public void fields_never_changed_since_creation_belong_to_revision_one()
    {
        Field("body").Revision.ShouldBe(1);
        Field("desk").Revision.ShouldBe(1);
        Field("embargoUntil").Revision.ShouldBe(1);
    }

    [Fact]
    public void a_revision_that_leaves_the_body_alone_leaves_its_paragraphs_alone() =>
        _blame.Paragraphs.Select(p => p.Revision).ShouldBe([1, 1, 1]);
}

public class when_blaming_which_approval_covers_the_text
{
    // r1 written, r2 edits Bravo, approval of r2, r3 edits the headline and Charlie after the approval.
    private readonly BlameResponse _blame;

    public when_blaming_which_approval_covers_the_text()
    {
        var r1 = Revisions.Created();
        var r2 = Revisions.Next(r1, new ContentChanges(Body: Revisions.Body("Alpha.", "Bravo, reworded.", "Charlie.")));
        var r3 = Revisions.Next(r2, new ContentChanges(Headline: "Late headline", Body: Revisions.Body("Alpha.", "Bravo, reworded.", "Charlie, late.")));
        _blame = BlameEndpoint.Attribute([r1, r2, r3], [Revisions.Approval(1, 5), Revisions.Approval(2, 25)]);
    }

    [Fact]
    public void text_last_changed_at_or_before_an_approved_revision_is_covered_by_the_latest_such_approval()
    {
        var alpha = _blame.Paragraphs[0];
        alpha.Revision.ShouldBe(1);
        alpha.Approval.ShouldBe(new CoveringApproval(Revisions.Rita, 2, At(25)));
        _blame.Paragraphs[1].Approval.ShouldNotBeNull().Revision.ShouldBe(2);
        _blame.Fields.Single(f => f.Field == "desk").Approval.ShouldNotBeNull().Revision.ShouldBe(2);
    }

    [Fact]
    public void text_changed_after_the_last_approval_is_covered_by_nothing()
    {
        _blame.Paragraphs[2].ShouldSatisfyAllConditions(p => p.Text.ShouldBe("Charlie, late."), p => p.Revision.ShouldBe(3), p => p.Approval.ShouldBeNull());
        _blame.Fields.Single(f => f.Field == "headline").Approval.ShouldBeNull();
        _blame.Fields.Single(f => f.Field == "body").Approval.ShouldBeNull();
    }

    [Fact]
    public void an_approval_of_an_earlier_revision_does_not_cover_later_text()
    {
        var r1 = Revisions.Created();
        var r2 = Revisions.Next(r1, new ContentChanges(Body: Revisions.Body("Alpha.", "Bravo, reworded.", "Charlie.")));
        var blame = BlameEndpoint.Attribute([r1, r2], [Revisions.Approval(1, 5)]);

        blame.Paragraphs[0].Approval.ShouldNotBeNull().Revision.ShouldBe(1);
        blame.Paragraphs[1].Approval.ShouldBeNull();
    }
}

public class when_blaming_an_article_with_no_revisions
{
    [Fact]
    public void there_is_nothing_to_attribute()
    {
        var blame = BlameEndpoint.Attribute([], []);
        blame.Revision.ShouldBe(0);
        blame.Fields.ShouldBeEmpty();
        blame.Paragraphs.ShouldBeEmpty();
    }
}

public class when_splitting_a_body_into_paragraphs
{
    [Fact]
    public void blank_lines_separate_paragraphs_whatever_the_line_endings_and_padding() =>
        BlameEndpoint.Paragraphs("  Alpha.\r\n\r\nBravo\nstill Bravo.\n\n\n\n  Charlie.  \n\n").ShouldBe(["Alpha.", "Bravo\nstill Bravo.", "Charlie."]);

    [Fact]
    public void no_body_has_no_paragraphs()
    {
        BlameEndpoint.Paragraphs(null).ShouldBeEmpty();
        BlameEndpoint.Paragraphs(" \n\n ").ShouldBeEmpty();
    }
}

public class when_comparing_two_revisions
{
    private static readonly ArticleContent Before = Revisions.First;

    [Fact]
    public void identical_content_has_no_changes() =>
        DiffEndpoint.Compare(Before, Before with { Byline = ["Erin Editor"], Tags = ["transport"] }).ShouldBeEmpty();

    [Fact]
    public void only_the_changed_fields_are_listed_in_contract_order_with_their_values_before_and_after()
    {
        var after = Before with { Priority = 1, Headline = "Bridge reopens", Tags = ["transport", "city"] };

        var changes = DiffEndpoint.Compare(Before, after);

        changes.Select(c => c.Field).ShouldBe(["headline", "tags", "priority"]);
        changes[0].Before.GetString().ShouldBe(Headline);
        changes[0].After.GetString().ShouldBe("Bridge reopens");
        changes[1].After.EnumerateArray().Select(t => t.GetString()).ShouldBe(["transport", "city"]);
        changes[2].Before.GetInt32().ShouldBe(4);
        changes[2].After.GetInt32().ShouldBe(1);
    }

    [Fact]
    public void text_fields_carry_a_word_diff_and_other_fields_do_not()
    {
        var after = Before with
        {
            Body = "Alpha.\n\nBravo!", Desk = "politics", Tags = [], EmbargoUntil = At(60), Locations = [new GeoLocation("Hanoi", 21.03, 105.85)]
        };

        var changes = DiffEndpoint.Compare(Before, after).ToDictionary(c => c.Field);

        changes.Keys.ShouldBe(["body", "desk", "tags", "locations", "embargoUntil"]);
        changes["body"].Words.ShouldNotBeNull().ShouldNotBeEmpty();
        changes["desk"].Words.ShouldBeNull();
        changes["tags"].Words.ShouldBeNull();
        changes["locations"].Words.ShouldBeNull();
        changes["embargoUntil"].Words.ShouldBeNull();
        changes["embargoUntil"].After.GetDateTimeOffset().ShouldBe(At(60));
    }
}

public class when_diffing_two_texts_word_by_word
{
    [Theory]
    [InlineData("Harbour bridge reopens after six months", "Harbour bridge reopens after seven long months")]
    [InlineData("The mayor said the bridge would reopen.", "The bridge would reopen, the mayor said.")]
    [InlineData("Lý Hồng Trung nói", "Lý Hồng Trung đã nói")]
    [InlineData("", "A brand new standfirst")]
    public void equal_and_inserted_pieces_give_the_new_text_and_equal_and_deleted_pieces_the_old(string before, string after)
    {
        var pieces = DiffEndpoint.Words(before, after);

        string.Concat(pieces.Where(p => p.Op is "equal" or "insert").Select(p => p.Text)).ShouldBe(after);
        string.Concat(pieces.Where(p => p.Op is "equal" or "delete").Select(p => p.Text)).ShouldBe(before);
        pieces.Select(p => p.Op).ShouldAllBe(op => op == "equal" || op == "insert" || op == "delete");
    }

    [Fact]
    public void runs_of_the_same_kind_are_merged_into_phrases()
    {
        var pieces = DiffEndpoint.Words("one two three four", "one five six seven four");

        pieces.Zip(pieces.Skip(1)).ShouldAllBe(pair => pair.First.Op != pair.Second.Op);
        // "five six" arrives as one phrase, not as "five", " ", "six".
        pieces.ShouldContain(p => p.Op == "insert" && p.Text == "five six");
        pieces.Where(p => p.Op == "delete").SelectMany(p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ShouldBe(["two", "three"]);
    }

    [Fact]
    public void an_unchanged_text_is_all_equal() =>
        DiffEndpoint.Words("Nothing changed here", "Nothing changed here")
            .ShouldHaveSingleItem().ShouldBe(new DiffPiece("equal", "Nothing changed here"));
}
