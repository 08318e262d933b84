using System.Text.RegularExpressions;
using Newsroom.Articles.Drafting;

namespace Newsroom.Tests.Unit;

public class when_making_a_slug_from_a_headline
{
    private static readonly Regex SlugShape = new("^[a-z0-9]+(-[a-z0-9]+)*$");

    [Fact]
    public void diacritics_are_folded_to_plain_ascii() =>
        Slugs.FromHeadline("Lý Hồng Trung").ShouldBe("ly-hong-trung");

    [Fact]
    public void a_curly_apostrophe_inside_a_word_is_dropped_not_turned_into_a_dash() =>
        Slugs.FromHeadline("Russian Defense Minister’s Upcoming Visit to North Korea")
            .ShouldBe("russian-defense-ministers-upcoming-visit-to-north-korea");

    [Fact]
    public void a_straight_apostrophe_inside_a_word_is_dropped_too() =>
        Slugs.FromHeadline("Kim Jong-un's Message to Russia").ShouldBe("kim-jong-uns-message-to-russia");

    [Theory]
    [InlineData("NASA Launches ARTEMIS", "nasa-launches-artemis")]
    [InlineData("Hello,   World!!! -- again", "hello-world-again")]
    [InlineData("  --Breaking: news!--  ", "breaking-news")]
    [InlineData("The 70th Anniversary (1953–2023)", "the-70th-anniversary-1953-2023")]
    [InlineData("Straße & Œuvre", "strasse-oeuvre")]
    public void it_is_lowercase_with_one_dash_between_words_and_none_at_the_ends(string headline, string expected) =>
        Slugs.FromHeadline(headline).ShouldBe(expected);

    [Theory]
    [InlineData("北京欢迎你")]
    [InlineData("Москва сегодня")]
    [InlineData("Αθήνα σήμερα")]
    [InlineData("مرحبا بالعالم")]
    public void a_headline_in_another_script_still_gives_an_ascii_slug(string headline)
    {
        var slug = Slugs.FromHeadline(headline);

        slug.ShouldNotBe("article");
        SlugShape.IsMatch(slug).ShouldBeTrue($"'{slug}' is not a-z, 0-9 and single inner dashes");
    }

    // What AnyAscii 0.3.3 gives; pinned so that an upgrade that changes existing URLs is noticed.
    [Theory]
    [InlineData("Москва сегодня", "moskva-segodnya")]
    [InlineData("Αθήνα σήμερα", "athina-simera")]
    [InlineData("北京欢迎你", "beijinghuanyingni")]
    [InlineData("مرحبا بالعالم", "mrhb-bllm")]
    public void the_transliteration_is_the_expected_one(string headline, string expected) =>
        Slugs.FromHeadline(headline).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🎉🎉🎉")]
    [InlineData("🇰🇵 👍🏽 ❤️")]
    [InlineData("!!! ??? ---")]
    [InlineData("’’ ''")]
    public void a_headline_with_nothing_to_spell_gives_article(string headline) =>
        Slugs.FromHeadline(headline).ShouldBe("article");

    [Fact]
    public void emoji_among_words_are_left_out() =>
        Slugs.FromHeadline("Party time 🎉 in Pyongyang 👍").ShouldBe("party-time-in-pyongyang");

    [Fact]
    public void a_long_headline_is_cut_at_a_word_boundary_within_80_characters()
    {
        var headline = "Russian Defense Minister Sergey Shoigu Leads a Delegation to Pyongyang "
                       + "for the Seventieth Anniversary of the Korean War Armistice Agreement";
        var full = "russian-defense-minister-sergey-shoigu-leads-a-delegation-to-pyongyang"
                   + "-for-the-seventieth-anniversary-of-the-korean-war-armistice-agreement";

        var slug = Slugs.FromHeadline(headline);

        slug.Length.ShouldBeLessThanOrEqualTo(80);
        slug.ShouldBe("russian-defense-minister-sergey-shoigu-leads-a-delegation-to-pyongyang-for-the");
        full.ShouldStartWith(slug + "-");
    }

    [Fact]
    public void the_cut_keeps_the_last_whole_word_that_fits()
    {
        var nineWords = string.Join(' ', Enumerable.Repeat("abcdefghi", 9)); // slug would be 89 chars

        Slugs.FromHeadline(nineWords).ShouldBe(string.Join('-', Enumerable.Repeat("abcdefghi", 8))); // 79 chars
    }

    [Fact]
    public void a_word_ending_exactly_at_80_characters_is_kept_whole()
    {
        var eighty = new string('a', 80);

        Slugs.FromHeadline(eighty + " more words").ShouldBe(eighty);
    }

    [Fact]
    public void a_single_word_longer_than_80_characters_is_cut_at_80()
    {
        Slugs.FromHeadline(new string('x', 120)).ShouldBe(new string('x', 80));
    }

    [Theory]
    [InlineData(70)]
    [InlineData(78)]
    [InlineData(79)]
    [InlineData(80)]
    [InlineData(81)]
    public void a_cut_slug_never_ends_with_a_dash(int prefixLength)
    {
        var headline = new string('b', prefixLength) + " - c d e f g h i j";

        var slug = Slugs.FromHeadline(headline);

        slug.Length.ShouldBeLessThanOrEqualTo(80);
        slug.ShouldNotEndWith("-");
        SlugShape.IsMatch(slug).ShouldBeTrue(slug);
    }
}

public class when_making_a_slug_unique
{
    [Fact]
    public void the_number_is_appended_after_a_dash() =>
        Slugs.WithSuffix("ly-hong-trung", 2).ShouldBe("ly-hong-trung-2");

    [Fact]
    public void a_slug_of_the_full_80_characters_keeps_its_whole_base()
    {
        var eighty = string.Concat(Enumerable.Repeat("abcdefghi-", 7)) + "abcdefghij";
        eighty.Length.ShouldBe(80);

        var unique = Slugs.WithSuffix(eighty, 12);

        unique.ShouldBe(eighty + "-12");
        unique.Length.ShouldBeLessThanOrEqualTo(80 + "-12".Length);
    }

    [Fact]
    public void a_base_longer_than_80_characters_is_trimmed_at_a_dash_before_the_suffix()
    {
        var tooLong = string.Join('-', Enumerable.Repeat("abcdefghi", 9)); // 89 chars

        var unique = Slugs.WithSuffix(tooLong, 3);

        unique.ShouldBe(string.Join('-', Enumerable.Repeat("abcdefghi", 8)) + "-3");
        unique.Length.ShouldBeLessThanOrEqualTo(80 + "-3".Length);
    }

    [Fact]
    public void it_composes_with_a_slug_made_from_a_long_headline()
    {
        var slug = Slugs.FromHeadline(string.Join(' ', Enumerable.Repeat("Pyongyang", 20)));

        var unique = Slugs.WithSuffix(slug, 100);

        unique.ShouldEndWith("-pyongyang-100");
        unique.Length.ShouldBeLessThanOrEqualTo(80 + "-100".Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void a_number_below_two_is_refused(int n) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Slugs.WithSuffix("some-slug", n));
}
