using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Infrastructure.Http;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

public class when_an_editor_creates_an_article_on_their_desk
{
    private readonly Decision _decision = Create(BareFields());

    [Fact]
    public void one_article_created_event_records_who_did_it_when_and_how_it_came_in()
    {
        var created = _decision.ShouldEmitOnly<ArticleCreated>();
        created.ArticleId.ShouldBe(ArticleId);
        created.By.ShouldBe(new Actor("erin", "Erin Editor"));
        created.At.ShouldBe(Now);
        created.Source.ShouldBe("editor");
    }

    [Fact]
    public void fields_not_given_take_the_house_defaults()
    {
        var content = _decision.ShouldEmitOnly<ArticleCreated>().Content;
        content.Language.ShouldBe("en");
        content.Priority.ShouldBe(4);
        content.Byline.ShouldBeEmpty();
        content.Tags.ShouldBeEmpty();
        content.Locations.ShouldBeEmpty();
        content.EmbargoUntil.ShouldBeNull();
        content.Slug.ShouldBe("harbour-bridge-reopens-after-six-months-of-repairs");
    }

    [Fact]
    public void the_folded_article_is_a_draft_at_revision_1_and_version_1_with_its_creator_as_contributor()
    {
        var article = Take(null, _decision);
        article.Id.ShouldBe(ArticleId);
        article.Status.ShouldBe(ArticleStatus.Draft);
        article.Revision.ShouldBe(1);
        article.Version.ShouldBe(1);
        article.Desk.ShouldBe("world");
        article.CreatedById.ShouldBe("erin");
        article.CreatedAt.ShouldBe(Now);
        article.UpdatedAt.ShouldBe(Now);
        article.Contributors.ShouldBe(["erin"]);
        article.ApprovedRevision.ShouldBeNull();
    }
}

public class when_an_editor_creates_an_article_with_every_field_given
{
    private static readonly DateTimeOffset EmbargoInBerlin = new(2026, 7, 28, 8, 0, 0, TimeSpan.FromHours(2));

    private readonly ArticleContent _content = Create(new CreateArticle("  Padded headline  ", "world",
            Language: "pt-BR", Priority: 1, EmbargoUntil: EmbargoInBerlin, Byline: ["Erin Editor"], Tags: ["korea"]))
        .ShouldEmitOnly<ArticleCreated>().Content;

    [Fact]
    public void the_given_values_win_over_the_defaults()
    {
        _content.Language.ShouldBe("pt-BR");
        _content.Priority.ShouldBe(1);
        _content.Byline.ShouldBe(["Erin Editor"]);
        _content.Tags.ShouldBe(["korea"]);
    }

    [Fact]
    public void the_headline_is_trimmed() => _content.Headline.ShouldBe("Padded headline");

    [Fact]
    public void the_embargo_is_stored_in_utc_as_the_same_instant()
    {
        _content.EmbargoUntil.ShouldBe(EmbargoInBerlin);
        _content.EmbargoUntil!.Value.Offset.ShouldBe(TimeSpan.Zero);
        _content.EmbargoUntil.Value.Hour.ShouldBe(6);
    }
}

public class when_an_editor_creates_an_article_on_a_desk_they_do_not_work_on
{
    [Fact]
    public void it_is_refused_as_forbidden_and_nothing_is_recorded() =>
        Create(new CreateArticle(Headline, "politics"), People.Editor)
            .ShouldBeRefused(403, ErrorCodes.Forbidden).Detail.ShouldContain("politics");

    [Fact]
    public void an_editor_who_also_works_on_that_desk_may_create_there() =>
        Create(new CreateArticle(Headline, "politics"), People.SecondEditor)
            .ShouldEmitOnly<ArticleCreated>().Content.Desk.ShouldBe("politics");
}

public class when_an_admin_creates_an_article
{
    [Theory]
    [InlineData("world")]
    [InlineData("politics")]
    [InlineData("sport")]
    public void any_desk_is_allowed_without_desk_membership(string desk)
    {
        var created = Create(new CreateArticle(Headline, desk), People.Admin).ShouldEmitOnly<ArticleCreated>();
        created.Content.Desk.ShouldBe(desk);
        created.By.Id.ShouldBe("ada");
    }
}
