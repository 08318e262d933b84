using Marten;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Articles.Drafting;

/// <summary>
/// Derived slugs in O(1): one counter row per base slug (<c>newsroom.slug_counter</c>), created or bumped
/// atomically, and an indexed check that the numbered slug is free, in one statement (ADR 0023, ADR 0037).
/// The n-th article with a headline gets
/// <c>base</c> (n = 1) or <c>base-n</c>; two creations never draw the same n, so concurrent drafts with one
/// headline get distinct slugs.
/// </summary>
public static class SlugAllocator
{
    public const string CounterTable = "slug_counter";
    private const string Table = MartenSetup.Schema + "." + CounterTable;

    /// <summary>The counter table, created by Marten's schema management (start-up migration, <c>db-apply</c>, <c>resources setup</c>).</summary>
    public static Weasel.Postgresql.Tables.Table CounterSchema()
    {
        var table = new Weasel.Postgresql.Tables.Table(new Weasel.Postgresql.PostgresqlObjectName(MartenSetup.Schema, CounterTable, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn("base", "text").AsPrimaryKey();
        table.AddColumn("last", "integer").NotNull();
        return table;
    }

    /// <summary>
    /// The derived slug, or the same with a numeric suffix ("-2", "-3", ...) that no article has. Each call takes
    /// the next number of the base's counter; a number whose slug is already used (a slug an editor chose, or an
    /// article from before the counter) is skipped.
    /// </summary>
    public static async Task<string> UniqueAsync(IQuerySession session, string slug, CancellationToken ct)
    {
        // The counter is bumped outside the article's transaction (the session has none open yet), like a
        // sequence: a creation that fails later leaves a gap, and no creation waits on another's commit.
        // One round trip whether the base is new or not: the counter's new value, whether it was created (no
        // row version before: xmax = 0), and whether an article already has the slug that number gives
        // (Candidate: the base for 1, "{numbered}{n}" after). Marten reads each column of the result from a row().
        // Its commit does not wait for the WAL flush (synchronous_commit off for this statement's transaction
        // only): the article's own commit, later in the log, flushes it; a crash before that loses a number no
        // article took. Without it, every creation under one headline waited for the previous one's flush on
        // the counter's row lock.
        var numbered = Slugs.WithSuffix(slug, 2)[..^1];
        var (n, created, taken) = (await session.AdvancedSql.QueryAsync<int, bool, bool>(
            "with async_commit as (select set_config('synchronous_commit', 'off', true)), " +
            $"c as (insert into {Table} as c (base, last) values (?, 1) on conflict (base) do update set last = c.last + 1 " +
            "returning c.last, (c.xmax = 0) as created) " +
            $"select row(c.last), row(c.created), row(exists (select 1 from {MartenSetup.Schema}.mt_doc_article as d " +
            "where d.slug = case when c.last = 1 then ? else ? || c.last end)) from c, async_commit", ct, slug, slug, numbered)).Single();

        while (taken)
        {
            // A new counter whose first slug is taken: an archive from before counters, or a slug an editor
            // chose. Jump once past the numbers the articles use (found in batches), not one lookup per number.
            var next = created ? await FirstFreeAsync(session, slug, ct) : 0;
            created = false;
            n = (await session.AdvancedSql.QueryAsync<int>(
                $"update {Table} set last = greatest(last + 1, ?) where base = ? returning last", ct, next, slug)).Single();
            taken = await TakenAsync(session, Candidate(slug, n), ct);
        }
        return Candidate(slug, n);
    }

    private static string Candidate(string slug, int n) => n == 1 ? slug : Slugs.WithSuffix(slug, n);

    // Plain SQL: a LINQ query would be parsed and translated again on every creation. Equality, so the
    // slug index serves it whatever the database's collation.
    private static async Task<bool> TakenAsync(IQuerySession session, string candidate, CancellationToken ct) =>
        (await session.AdvancedSql.QueryAsync<bool>(
            $"select exists (select 1 from {MartenSetup.Schema}.mt_doc_article as d where d.slug = ?)", ct, candidate)).Single();

    /// <summary>The first free number among existing articles, in batches of equality lookups (once per base).</summary>
    private static async Task<int> FirstFreeAsync(IQuerySession session, string slug, CancellationToken ct)
    {
        const int batch = 16;
        for (var first = 1; ; first += batch)
        {
            var candidates = Enumerable.Range(first, batch).Select(n => Candidate(slug, n)).ToArray();
            var taken = (await session.QueryAsync<string>(
                    $"select d.slug from {MartenSetup.Schema}.mt_doc_article as d where d.slug = any(:candidates)",
                    ct, new { candidates }))
                .ToHashSet();
            for (var i = 0; i < batch; i++)
                if (!taken.Contains(candidates[i])) return first + i;
        }
    }
}
