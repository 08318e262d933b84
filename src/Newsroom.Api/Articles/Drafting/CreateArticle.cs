using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Persistence;
using Wolverine.Http;

namespace Newsroom.Articles.Drafting;

/// <summary>A new draft. Headline and desk are required; everything else can come later.</summary>
public sealed record CreateArticle(
    string? Headline,
    string? Desk,
    string? Standfirst = null,
    string? Body = null,
    List<string>? Byline = null,
    List<string>? Tags = null,
    string? Category = null,
    List<GeoLocation>? Locations = null,
    string? Language = null,
    string? Slug = null,
    DateTimeOffset? EmbargoUntil = null,
    int? Priority = null) : IContentFields
{
    public sealed class Validator : ContentFieldsValidator<CreateArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Headline).NotEmpty();
            RuleFor(x => x.Desk).NotEmpty();
        }
    }
}

public static class CreateArticleEndpoint
{
    [WolverinePost("/api/articles", Name = "CreateArticle")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Drafting")]
    [ProducesResponseType<ArticleResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Post(CreateArticle command, IDocumentSession session, HttpContext http, TimeProvider clock) =>
        ArticleCreation.CreateAsync(session, http, clock, command, source: "editor");

    /// <summary>Creation rules: the editor must work on the desk they create in.</summary>
    public static Decision Decide(Guid id, IContentFields fields, string slug, string source, CurrentUser user, DateTimeOffset now)
    {
        var desk = fields.Desk!;
        if (!user.WorksOn(desk)) return Problem.Forbidden($"You do not work on the '{desk}' desk.");

        var content = new ArticleContent(
            Headline: fields.Headline!.Trim(),
            Standfirst: fields.Standfirst,
            Body: fields.Body,
            Desk: desk,
            Byline: fields.Byline ?? [],
            Tags: fields.Tags ?? [],
            Category: fields.Category,
            Locations: fields.Locations ?? [],
            Language: fields.Language ?? ArticleContent.DefaultLanguage,
            Slug: slug,
            EmbargoUntil: fields.EmbargoUntil?.ToUniversalTime(),
            Priority: fields.Priority ?? ArticleContent.DefaultPriority);
        return Decision.Accept(new ArticleCreated(id, content, source, user.AsActor, now));
    }
}

/// <summary>Starting a new article stream: shared by the create endpoint and the importers.</summary>
public static partial class ArticleCreation
{
    public static async Task<IResult> CreateAsync(IDocumentSession session, HttpContext http, TimeProvider clock,
        IContentFields fields, string source)
    {
        var user = CurrentUser.From(http.User);
        Correlation.Stamp(session, http);

        var key = http.Request.Headers[IdempotencyRecord.Header].ToString();
        if (key.Length > IdempotencyRecord.MaxKeyLength)
            return Problem.Validation("Idempotency-Key", $"The key is at most {IdempotencyRecord.MaxKeyLength} characters.").ToResult(http);
        var recordId = key.Length > 0 ? IdempotencyRecord.IdFor(user.Id, key) : null;
        if (recordId != null && await AlreadyCreatedAsync(session, http, recordId) is { } earlier) return earlier;

        var slug = fields.Slug ?? await SlugAllocator.UniqueAsync(session, Slugs.FromHeadline(fields.Headline!), http.RequestAborted);
        var id = Guid.CreateVersion7();
        var decision = CreateArticleEndpoint.Decide(id, fields, slug, source, user, clock.GetUtcNow());
        if (decision.Problem is { } refused) return refused.ToResult(http);

        session.Events.StartStream<Article>(id, decision.Events.Cast<object>().ToArray());
        if (recordId != null) session.Insert(new IdempotencyRecord { Id = recordId, ArticleId = id, At = clock.GetUtcNow() });
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (recordId != null && UniqueViolations.IsDuplicateKey(e))
        {
            // The same key raced us and won: answer with the article that request created.
            await using var fresh = session.DocumentStore.QuerySession();
            return await AlreadyCreatedAsync(fresh, http, recordId!) ?? throw new InvalidOperationException("Idempotency record without article.");
        }

        return ArticleHttp.Created(http, Article.FoldAll(null, decision.Events));
    }
}

public static partial class ArticleCreation
{
    private static async Task<IResult?> AlreadyCreatedAsync(IQuerySession session, HttpContext http, string recordId)
    {
        var record = await session.LoadAsync<IdempotencyRecord>(recordId, http.RequestAborted);
        if (record is null) return null;
        var article = await session.LoadAsync<Article>(record.ArticleId, http.RequestAborted);
        if (article is null) return null;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return ArticleHttp.Created(http, article);
    }
}

/// <summary>
/// Derived slugs in O(1): one counter row per base slug (<c>newsroom.slug_counter</c>), bumped atomically, then
/// one indexed check that the numbered slug is free (ADR 0023). The n-th article with a headline gets
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
        var n = (await session.AdvancedSql.QueryAsync<int>(
            $"update {Table} set last = last + 1 where base = ? returning last", ct, slug)).FirstOrDefault();
        if (n == 0)
        {
            // No counter yet (a new headline, or an archive from before counters): seed it once from the
            // articles, with the first free number found by equality lookups. If another creation seeded it
            // meanwhile, ours is a plain increment.
            var seed = await FirstFreeAsync(session, slug, ct);
            n = (await session.AdvancedSql.QueryAsync<int>(
                $"insert into {Table} as c (base, last) values (?, ?) on conflict (base) do update set last = c.last + 1 returning c.last",
                ct, slug, seed)).Single();
        }

        while (true)
        {
            var candidate = Candidate(slug, n);
            if (!await TakenAsync(session, candidate, ct)) return candidate;
            n = (await session.AdvancedSql.QueryAsync<int>(
                $"update {Table} set last = last + 1 where base = ? returning last", ct, slug)).Single();
        }
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
