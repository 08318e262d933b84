using System.Text;
using Newsroom.Articles.Importing;

namespace Newsroom.Tests.Unit;

/// <summary>The test fixtures, copied to the output folder from tests/Newsroom.Tests/Fixtures (see its README).</summary>
internal static class Fixtures
{
    public static string SeedArticle() => File.ReadAllText(PathOf("seed-article.txt"), Encoding.UTF8);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}

public class when_importing_the_seed_article
{
    private readonly string _text = Fixtures.SeedArticle();
    private readonly ImportedText _imported;

    public when_importing_the_seed_article() => _imported = PlainTextImporter.Parse(_text);

    [Fact]
    public void the_headline_is_the_first_paragraph() =>
        _imported.Headline.ShouldBe("Russian Defense Minister’s Upcoming Visit to North Korea");

    [Fact]
    public void the_short_second_paragraph_is_the_standfirst() =>
        _imported.Standfirst.ShouldBe(
            "Russian Delegation Visit to North Korea to Commemorate the 70th Anniversary of Korean War Armistice Agreement");

    [Fact]
    public void the_body_starts_with_the_first_subheading_and_its_paragraph() =>
        _imported.Body.ShouldStartWith(
            "## Russian Delegation Led by Defense Minister Shoigu\n\nA delegation from Russia, led by Defense Minister Sergey Shoigu,");

    [Fact]
    public void the_subheadings_become_markdown_headings()
    {
        var headings = _imported.Body.Split("\n\n").Where(p => p.StartsWith("## ", StringComparison.Ordinal)).ToList();

        headings.ShouldBe(new[]
        {
            "## Russian Delegation Led by Defense Minister Shoigu",
            "## Activities to Celebrate the Anniversary",
            "## Exception to COVID-19 Quarantine Rules",
            "## Strengthening Military Relations",
            "## China’s Delegation to Attend the Event",
            "## Return of International Delegations to North Korea",
            "## The Historical Significance of the Korean War",
            "## Russia-North Korea Relations in the Context of Global Conflicts",
            "## Kim Jong-un’s Message to Russia",
        });
    }

    [Fact]
    public void the_closing_paragraph_stays_a_normal_paragraph()
    {
        _imported.Body.ShouldEndWith(
            "The participation of high-level officials from Russia and China highlights the enduring importance of the Korean War in regional geopolitics.");
        _imported.Body.ShouldContain("\n\nIn conclusion, the upcoming visit");
        _imported.Body.ShouldNotContain("## In conclusion");
    }

    [Fact]
    public void the_blog_footer_is_gone()
    {
        _imported.Body.ShouldNotContain("Bookmark the permalink", Case.Insensitive);
        _imported.Body.ShouldNotContain("geo-tags", Case.Insensitive);
        _imported.Body.ShouldNotContain("posted in", Case.Insensitive);
    }

    [Fact]
    public void the_category_comes_from_the_posted_in_line() =>
        _imported.Category.ShouldBe("Uncategorized");

    [Fact]
    public void curly_quotes_and_diacritics_survive()
    {
        _imported.Body.ShouldContain("“Victory in the Great Fatherland Liberation War.”");
        _imported.Body.ShouldContain("“domineering and unilateral policies”");
        _imported.Body.ShouldContain("Lý Hồng Trung");
        _imported.Body.ShouldContain("## Kim Jong-un’s Message to Russia");
    }

    [Fact]
    public void a_paragraph_from_the_file_is_in_the_body_byte_for_byte()
    {
        var paragraph = _text.Split("\n\n").Single(p => p.Contains("Lý Hồng Trung", StringComparison.Ordinal));

        var at = _imported.Body.IndexOf(paragraph, StringComparison.Ordinal);

        at.ShouldBeGreaterThan(0);
        Encoding.UTF8.GetBytes(_imported.Body.Substring(at, paragraph.Length))
            .ShouldBe(Encoding.UTF8.GetBytes(paragraph));
    }

    [Fact]
    public void every_paragraph_between_standfirst_and_footer_is_kept_in_order()
    {
        var paragraphs = _text.Split("\n\n");
        var content = paragraphs[2..^1]; // after headline and standfirst, before the footer

        var expected = content.Select(p => p.EndsWith('.') ? p : "## " + p);

        _imported.Body.ShouldBe(string.Join("\n\n", expected));
    }

    [Fact]
    public void the_body_has_no_surrounding_whitespace_and_no_stray_line_breaks()
    {
        _imported.Body.ShouldBe(_imported.Body.Trim());
        _imported.Body.ShouldNotContain("\r");
        _imported.Body.ShouldNotContain("\n\n\n");
    }

    [Fact]
    public void nothing_is_worth_a_warning() =>
        _imported.Warnings.ShouldBeEmpty();
}

public class when_importing_text_with_other_line_endings
{
    private static readonly ImportedText FromLf = PlainTextImporter.Parse(Fixtures.SeedArticle());

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void the_result_is_the_same_as_with_unix_line_endings(string newline)
    {
        var text = Fixtures.SeedArticle().Replace("\n", newline);

        var imported = PlainTextImporter.Parse(text);

        imported.Headline.ShouldBe(FromLf.Headline);
        imported.Standfirst.ShouldBe(FromLf.Standfirst);
        imported.Body.ShouldBe(FromLf.Body);
        imported.Category.ShouldBe(FromLf.Category);
        imported.Body.ShouldNotContain("\r");
    }

    [Fact]
    public void a_leading_byte_order_mark_is_stripped()
    {
        var imported = PlainTextImporter.Parse("\uFEFF" + Fixtures.SeedArticle().Replace("\n", "\r\n") + "\r\n");

        imported.Headline.ShouldBe("Russian Defense Minister’s Upcoming Visit to North Korea");
        imported.Body.ShouldBe(FromLf.Body);
    }

    [Fact]
    public void internal_line_breaks_of_a_paragraph_become_plain_newlines()
    {
        var imported = PlainTextImporter.Parse("Headline\r\n\r\nFirst line,\r\nsecond line.\r\n\r\nLast.");

        imported.Body.ShouldBe("First line,\nsecond line.\n\nLast.");
    }
}

public class when_importing_text_without_a_standfirst
{
    [Fact]
    public void a_second_paragraph_of_several_lines_is_body()
    {
        var imported = PlainTextImporter.Parse(
            "Storm hits coast\n\nThe storm arrived at dawn,\nflooding the harbour.\n\nRepairs will take weeks.");

        imported.Standfirst.ShouldBeNull();
        imported.Body.ShouldBe("The storm arrived at dawn,\nflooding the harbour.\n\nRepairs will take weeks.");
    }

    [Fact]
    public void a_second_paragraph_longer_than_300_characters_is_body()
    {
        var longLine = "The storm arrived at dawn " + new string('x', 290) + ".";

        var imported = PlainTextImporter.Parse($"Storm hits coast\n\n{longLine}\n\nRepairs will take weeks.");

        imported.Standfirst.ShouldBeNull();
        imported.Body.ShouldBe($"{longLine}\n\nRepairs will take weeks.");
    }

    [Fact]
    public void a_second_paragraph_of_exactly_300_characters_is_still_a_standfirst()
    {
        var line = new string('s', 299) + ".";

        var imported = PlainTextImporter.Parse($"Storm hits coast\n\n{line}\n\nRepairs will take weeks.");

        imported.Standfirst.ShouldBe(line);
        imported.Body.ShouldBe("Repairs will take weeks.");
    }

    [Fact]
    public void a_lone_short_paragraph_is_the_body_not_a_standfirst()
    {
        var imported = PlainTextImporter.Parse("Storm hits coast\n\nRepairs will take weeks.");

        imported.Standfirst.ShouldBeNull();
        imported.Body.ShouldBe("Repairs will take weeks.");
        imported.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void a_headline_alone_gives_an_empty_body_and_a_warning()
    {
        var imported = PlainTextImporter.Parse("Storm hits coast\n\nBookmark the permalink.");

        imported.Headline.ShouldBe("Storm hits coast");
        imported.Standfirst.ShouldBeNull();
        imported.Body.ShouldBe("");
        imported.Warnings.ShouldHaveSingleItem().ShouldContain("body");
    }
}

public class when_importing_empty_text
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\r\n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF \t\r\n  \n")]
    public void it_is_refused_with_a_clear_message(string text)
    {
        var error = Should.Throw<FormatException>(() => PlainTextImporter.Parse(text));

        error.Message.ShouldBe("The text is empty.");
    }
}

public class when_importing_text_with_a_blog_footer
{
    private const string Article = "Storm hits coast\n\nHigh winds expected\n\nDamage report\n\nThe storm arrived at dawn.";

    [Theory]
    [InlineData("This entry was posted in Uncategorized. Bookmark the permalink.", "Uncategorized")]
    [InlineData("This entry was posted in Weather.", "Weather")]
    [InlineData("This entry was posted in Weather", "Weather")]
    [InlineData("this entry was posted in weather. bookmark the permalink", "weather")]
    [InlineData("This entry was posted in Weather, Coast, Europe. Bookmark the permalink.", "Weather")]
    [InlineData("This entry was posted in Weather, Europe and tagged storm, harbour. Bookmark the permalink.", "Weather")]
    [InlineData("This entry was posted in Weather.\nBookmark the permalink.\nThis page contains geo-tags", "Weather")]
    [InlineData("This entry was posted in Weather.\n\nBookmark the permalink.\n\nThis page contains geo-tags.", "Weather")]
    public void the_posted_in_line_gives_the_category_and_is_removed(string footer, string category)
    {
        var imported = PlainTextImporter.Parse(Article + "\n\n" + footer);

        imported.Category.ShouldBe(category);
        imported.Body.ShouldEndWith("The storm arrived at dawn.");
        imported.Body.ShouldNotContain("posted in", Case.Insensitive);
        imported.Body.ShouldNotContain("permalink", Case.Insensitive);
        imported.Body.ShouldNotContain("geo", Case.Insensitive);
    }

    [Theory]
    [InlineData("Bookmark the permalink")]
    [InlineData("Bookmark the permalink.")]
    [InlineData("BOOKMARK THE PERMALINK!")]
    [InlineData("This page contains geo-tags")]
    [InlineData("this page contains geotags.")]
    [InlineData("Bookmark the permalink.\nThis page contains geo-tags")]
    [InlineData("Bookmark the permalink.   \n\n   \nThis page contains geo-tags.  ")]
    public void other_footer_lines_are_removed_without_a_category(string footer)
    {
        var imported = PlainTextImporter.Parse(Article + "\n\n" + footer);

        imported.Category.ShouldBeNull();
        imported.Body.ShouldEndWith("The storm arrived at dawn.");
    }

    [Fact]
    public void footer_lines_at_the_end_of_the_last_paragraph_are_removed_and_the_rest_kept()
    {
        var imported = PlainTextImporter.Parse(
            "Storm hits coast\n\nThe storm arrived at dawn.\nIt left by noon.\nThis entry was posted in Weather.\nThis page contains geo-tags");

        imported.Body.ShouldBe("The storm arrived at dawn.\nIt left by noon.");
        imported.Category.ShouldBe("Weather");
    }

    [Fact]
    public void footer_wording_before_the_end_is_left_alone()
    {
        var imported = PlainTextImporter.Parse(
            "Storm hits coast\n\nHigh winds expected\n\nBookmark the permalink.\n\nReaders were asked to bookmark the permalink to follow updates.\n\nThe storm arrived at dawn.");

        imported.Body.ShouldBe(
            "Bookmark the permalink.\n\nReaders were asked to bookmark the permalink to follow updates.\n\nThe storm arrived at dawn.");
        imported.Category.ShouldBeNull();
    }

    [Fact]
    public void without_a_footer_there_is_no_category()
    {
        var imported = PlainTextImporter.Parse("Storm hits coast\n\nHigh winds expected\n\nThe storm arrived at dawn.\n\nIt left by noon.");

        imported.Category.ShouldBeNull();
        imported.Body.ShouldBe("The storm arrived at dawn.\n\nIt left by noon.");
    }
}

public class when_telling_subheadings_from_paragraphs
{
    private static string BodyOf(string paragraph) =>
        PlainTextImporter.Parse($"Headline\n\nA standfirst\n\n{paragraph}\n\nThe text that follows.").Body;

    [Theory]
    [InlineData("What happened next")]
    [InlineData("Kim Jong-un’s Message to Russia")]
    [InlineData("Putin’s “special operation”")]
    [InlineData("Numbers: 1953-2023")]
    public void a_short_line_without_closing_punctuation_is_a_heading(string line) =>
        BodyOf(line).ShouldBe($"## {line}\n\nThe text that follows.");

    [Theory]
    [InlineData("It was over.")]
    [InlineData("Was it over?")]
    [InlineData("It is over!")]
    [InlineData("He said:")]
    [InlineData("First this;")]
    [InlineData("And then…")]
    [InlineData("He called it “Victory in the Great Fatherland Liberation War.”")]
    [InlineData("\"Is it over?\"")]
    [InlineData("(See the map below.)")]
    public void a_short_line_ending_a_sentence_is_a_paragraph(string line) =>
        BodyOf(line).ShouldBe($"{line}\n\nThe text that follows.");

    [Fact]
    public void a_line_of_exactly_120_characters_can_be_a_heading()
    {
        var line = new string('h', 120);

        BodyOf(line).ShouldStartWith("## ");
    }

    [Fact]
    public void a_line_longer_than_120_characters_is_a_paragraph()
    {
        var line = new string('h', 121);

        BodyOf(line).ShouldBe($"{line}\n\nThe text that follows.");
    }

    [Fact]
    public void a_paragraph_of_several_short_lines_is_kept_as_it_is()
    {
        BodyOf("Roses are red\nViolets are blue").ShouldBe("Roses are red\nViolets are blue\n\nThe text that follows.");
    }

    [Fact]
    public void the_last_paragraph_is_never_a_heading()
    {
        var imported = PlainTextImporter.Parse("Headline\n\nA standfirst\n\nThe storm arrived at dawn.\n\nUpdated 5 July 2023");

        imported.Body.ShouldBe("The storm arrived at dawn.\n\nUpdated 5 July 2023");
    }

    [Fact]
    public void markdown_characters_in_the_text_are_not_escaped()
    {
        const string paragraph = "Use *stars*, _underscores_, # hashes, <b>tags</b> & [links](x) freely.";

        BodyOf(paragraph).ShouldBe($"{paragraph}\n\nThe text that follows.");
    }
}

public class when_cleaning_up_whitespace
{
    [Fact]
    public void trailing_whitespace_on_lines_is_removed_but_inner_spacing_is_kept()
    {
        var imported = PlainTextImporter.Parse(
            "Headline  \t\n\nA standfirst \n\nFirst  line,\u00A0here. \t\nSecond line.   \n\nLast.  \n\n\n");

        imported.Headline.ShouldBe("Headline");
        imported.Standfirst.ShouldBe("A standfirst");
        imported.Body.ShouldBe("First  line,\u00A0here.\nSecond line.\n\nLast.");
    }

    [Fact]
    public void whitespace_only_lines_separate_paragraphs()
    {
        var imported = PlainTextImporter.Parse("Headline\n \t \nA standfirst\n\t\nThe storm arrived at dawn.\n   \n\n  \nIt left by noon.");

        imported.Body.ShouldBe("The storm arrived at dawn.\n\nIt left by noon.");
    }

    [Fact]
    public void leading_blank_lines_and_indentation_before_the_headline_are_ignored()
    {
        var imported = PlainTextImporter.Parse("\n\n   \n   Storm hits coast\n\n    The storm arrived at dawn.");

        imported.Headline.ShouldBe("Storm hits coast");
        imported.Body.ShouldBe("The storm arrived at dawn.");
    }
}

public class when_the_headline_is_unusual
{
    [Fact]
    public void a_headline_over_several_lines_is_joined_into_one()
    {
        var imported = PlainTextImporter.Parse("Storm hits\n  the coast \n\nThe storm arrived at dawn.");

        imported.Headline.ShouldBe("Storm hits the coast");
    }

    [Fact]
    public void a_headline_longer_than_200_characters_is_kept_with_a_warning()
    {
        var headline = "Storm " + new string('w', 240);

        var imported = PlainTextImporter.Parse($"{headline}\n\nThe storm arrived at dawn.");

        imported.Headline.ShouldBe(headline);
        imported.Warnings.ShouldHaveSingleItem().ShouldContain("200");
    }

    [Fact]
    public void a_headline_of_200_characters_has_no_warning()
    {
        var headline = new string('w', 200);

        PlainTextImporter.Parse($"{headline}\n\nThe storm arrived at dawn.").Warnings.ShouldBeEmpty();
    }
}
