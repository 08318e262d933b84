using System.Reflection;
using System.Text.RegularExpressions;
using Newsroom.Articles;
using Newsroom.History;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Unit.Articles;

/// <summary>
/// One instance of any article event type, built from its constructor with plain values, so a new event
/// is checked against every consumer below without anyone writing a sample for it.
/// </summary>
public static class SampleEvents
{
    private static readonly Actor Someone = new("erin", "Erin Editor");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid ArticleId = Guid.Parse("0199a1d0-0000-7000-8000-000000000011");

    public static readonly ArticleContent Content = new("Headline", null, "Body.", "world", ["Erin Editor"], [], null, [], "en",
        "headline", null, ArticleContent.DefaultPriority);

    public static IEnumerable<IArticleEvent> All => ArticleEvents.All.Select(Of);

    public static IArticleEvent Of(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return (IArticleEvent)constructor.Invoke(constructor.GetParameters().Select(Value).ToArray());
    }

    private static object? Value(ParameterInfo p) => p.ParameterType switch
    {
        var t when t == typeof(Guid) => p.Name == nameof(IArticleEvent.ArticleId) ? ArticleId : Guid.NewGuid(),
        var t when t == typeof(Actor) => Someone,
        var t when t == typeof(DateTimeOffset) => At,
        var t when t == typeof(string) => "text",
        var t when t == typeof(int) => 2,
        var t when t == typeof(ArticleContent) => Content,
        var t when t == typeof(ContentChanges) => new ContentChanges(Headline: "New headline"),
        var t when t.IsEnum => Activator.CreateInstance(t),
        _ when p.HasDefaultValue => p.DefaultValue,
        var t when Nullable.GetUnderlyingType(t) is not null || !t.IsValueType => null,
        var t => throw new InvalidOperationException($"SampleEvents has no value for {t.Name} ({p.Member.DeclaringType?.Name}.{p.Name}): add one.")
    };
}

/// <summary>Adding an event touches three files; these fail when a consumer of the events misses one.</summary>
public class when_an_article_event_type_exists
{
    public static TheoryData<string> EventTypes => [.. ArticleEvents.All.Select(t => t.Name)];

    private static IArticleEvent Sample(string name) => SampleEvents.Of(ArticleEvents.All.Single(t => t.Name == name));

    [Fact]
    public void the_events_are_found_by_reflection() =>
        ArticleEvents.All.ShouldContain(typeof(ArticleCreated));

    [Theory, MemberData(nameof(EventTypes))]
    public void the_aggregate_folds_it_with_create_or_an_apply_method(string name) =>
        Article.FoldedEventTypes.ShouldContain(Sample(name).GetType());

    [Theory, MemberData(nameof(EventTypes))]
    public void the_status_machine_knows_where_it_leaves_an_article(string name) =>
        Should.NotThrow(() => Article.StatusAfter(ArticleStatus.Approved, Sample(name)));

    [Theory, MemberData(nameof(EventTypes))]
    public void the_aggregate_moves_to_the_status_the_machine_names(string name)
    {
        var e = Sample(name);
        var before = e is ArticleCreated ? null : Article.Create(new ArticleCreated(e.ArticleId, SampleEvents.Content, "editor", e.By, e.At));
        var from = before?.Status ?? ArticleStatus.Draft;

        Article.Fold(before, e).Status.ShouldBe(Article.StatusAfter(from, e));
    }

    [Theory, MemberData(nameof(EventTypes))]
    public void the_history_has_a_sentence_for_it_not_its_type_name(string name)
    {
        var e = Sample(name);
        EventSummaries.For(e).ShouldNotBe(e.GetType().Name);
        Should.NotThrow(() => EventSummaries.RevisionOf(e));
    }

    [Theory, MemberData(nameof(EventTypes))]
    public void the_desk_statistics_classify_it_through_the_status_machine(string name)
    {
        // DeskStatisticsProjection takes every status from Article.StatusAfter; an event the machine does
        // not know would throw there, in the async daemon, instead of being counted.
        Should.NotThrow(() => Article.StatusAfter(ArticleStatus.Draft, Sample(name)));
    }

    [Fact]
    public void the_architecture_document_lists_every_event_type_and_no_other()
    {
        var doc = File.ReadAllText(Path.Combine(LocalPostgres.RepoRoot, "docs", "architecture.md"));
        var table = doc[doc.IndexOf("| event | other fields |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var listed = Regex.Matches(table, @"^\| `(\w+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);

        listed.Order(StringComparer.Ordinal).ShouldBe(ArticleEvents.All.Select(t => t.Name).Order(StringComparer.Ordinal));
    }
}
