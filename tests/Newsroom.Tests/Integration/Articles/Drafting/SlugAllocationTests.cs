using System.Net;
using Marten;
using Newsroom.Articles.Drafting;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Tests.Integration;

/// <summary>Derived slugs come from a per-base counter (ADR 0023): first <c>base</c>, then <c>base-2</c>, <c>base-3</c>...</summary>
public class when_slugs_are_allocated_from_the_headline(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Titled(string headline, string? slug = null) =>
        slug is null ? new { headline, desk = "world" } : new { headline, desk = "world", slug };

    [Fact]
    public async Task twenty_drafts_created_at_once_with_one_headline_get_twenty_distinct_slugs()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Api.Post("/api/articles", i % 2 == 0 ? Users.Alice : Users.Bob, Titled("Storm warning for the coast"))));

        replies.ShouldAllBe(r => r.Status == HttpStatusCode.Created);
        var slugs = replies.Select(r => r.Json.Str("slug")).Order().ToList();
        slugs.ShouldBe(Enumerable.Range(1, 20)
            .Select(n => n == 1 ? "storm-warning-for-the-coast" : $"storm-warning-for-the-coast-{n}").Order().ToList());
    }

    [Fact]
    public async Task a_numbered_slug_an_editor_chose_is_skipped()
    {
        (await Api.Draft(content: Titled("Harbour reopens"))).Str("slug").ShouldBe("harbour-reopens");
        (await Api.Draft(content: Titled("Something else entirely", slug: "harbour-reopens-2"))).Str("slug").ShouldBe("harbour-reopens-2");

        (await Api.Draft(content: Titled("Harbour reopens"))).Str("slug").ShouldBe("harbour-reopens-3");
        (await Api.Draft(content: Titled("Harbour reopens"))).Str("slug").ShouldBe("harbour-reopens-4");
    }

    [Fact]
    public async Task an_archive_from_before_the_counters_is_continued_not_collided_with()
    {
        // Articles that took "flood-defences", "-2" and "-4" without a counter (created before counters
        // existed; explicit slugs never touch the counter): the first free number is 3, then 5, 6.
        foreach (var slug in new[] { "flood-defences", "flood-defences-2", "flood-defences-4" })
            await Api.Draft(content: Titled("Flood defences", slug));
        (await CounterAsync("flood-defences")).ShouldBeNull();

        var next = new List<string>();
        for (var i = 0; i < 3; i++) next.Add((await Api.Draft(content: Titled("Flood defences"))).Str("slug"));

        next.ShouldBe(["flood-defences-3", "flood-defences-5", "flood-defences-6"]);
        (await CounterAsync("flood-defences")).ShouldBe(6);
    }

    [Fact]
    public async Task a_lost_counter_is_seeded_again_from_the_articles()
    {
        for (var i = 0; i < 3; i++) await Api.Draft(content: Titled("Bridge closed"));
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"delete from {MartenSetup.Schema}.{SlugAllocator.CounterTable} where base = 'bridge-closed'");
            await session.SaveChangesAsync();
        }

        (await Api.Draft(content: Titled("Bridge closed"))).Str("slug").ShouldBe("bridge-closed-4");
    }

    private async Task<int?> CounterAsync(string slugBase)
    {
        await using var session = Store.QuerySession();
        var values = await session.AdvancedSql.QueryAsync<int>(
            $"select last from {MartenSetup.Schema}.{SlugAllocator.CounterTable} where base = ?", CancellationToken.None, slugBase);
        return values.Count == 0 ? null : values[0];
    }
}
