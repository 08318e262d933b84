global using ArticleCommandResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Newsroom.Articles.ArticleOk,
    Newsroom.Infrastructure.Http.Answers.BadRequestProblem,
    Newsroom.Infrastructure.Http.Answers.ForbiddenProblem,
    Newsroom.Infrastructure.Http.Answers.NotFoundProblem,
    Newsroom.Infrastructure.Http.Answers.ConflictProblem>;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Articles.Drafting;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Telemetry;
using Newsroom.Infrastructure.Tenancy;
using Wolverine;
using Wolverine.Marten;

namespace Newsroom.Articles;

/// <summary>
/// The one path every command takes, so the rules that apply to all of them are enforced in one place and in
/// one order. On an existing article:
/// expected version present → article exists and is visible (else 404) → caller may act on its desk (403) →
/// version is current (409, nothing written) → the pure decider → append → commit, where Marten re-checks
/// the version so a concurrent writer can never be overwritten.
/// A request-scoped service: it holds the request's session (enrolled in Wolverine's outbox, so messages
/// commit with the events or not at all), the clock and the caller, so an endpoint needs only the id, the
/// command and this. The desk's screens run their actions through the same service.
/// </summary>
public sealed class ArticleCommands
{
    public delegate Decision Decider(Article article, CurrentUser user, DateTimeOffset now);

    /// <summary>For deciders that need facts from outside the stream (looked up first, then passed in).</summary>
    public delegate Task<Decision> AsyncDecider(Article article, CurrentUser user, DateTimeOffset now);

    private readonly TimeProvider _clock;
    private readonly NewsroomMetrics _metrics;

    public ArticleCommands(IDocumentSession session, IMartenOutbox outbox, IHttpContextAccessor http, TimeProvider clock, NewsroomMetrics metrics)
    {
        outbox.Enroll(session);
        Session = session;
        Bus = outbox;
        Http = http.HttpContext ?? throw new InvalidOperationException("Article commands run inside an HTTP request.");
        User = CurrentUser.From(Http.User);
        // Messages sent by the command (schedules, webhooks) carry the request's correlation id, as its events do.
        if (outbox is IMessageContext context) context.CorrelationId = CorrelationIds.Of(Http);
        // …and the publication: a schedule or a webhook delivery is handled on the publication's database.
        outbox.TenantId = PublicationOfRequest.Find(Http);
        _clock = clock;
        _metrics = metrics;
    }

    public IDocumentSession Session { get; }
    public IMessageBus Bus { get; }
    public HttpContext Http { get; }
    public CurrentUser User { get; }
    public DateTimeOffset Now => _clock.GetUtcNow();
    public CancellationToken Aborted => Http.RequestAborted;

    public Task<ArticleCommandResult> RunAsync(Guid id, int? versionInBody, DeskScope scope, Decider decide) =>
        RunAsync(id, versionInBody, scope, (article, user, now) => Task.FromResult(decide(article, user, now)));

    public async Task<ArticleCommandResult> RunAsync(Guid id, int? versionInBody, DeskScope scope, AsyncDecider decide) =>
        (await RunAsync(id, versionInBody, scope, decide, article => new ArticleOk(article))).Result switch
        {
            ArticleOk ok => ok,
            BadRequestProblem p => p,
            ForbiddenProblem p => p,
            NotFoundProblem p => p,
            ConflictProblem p => p,
            var other => throw new InvalidOperationException($"Unexpected answer {other}.")
        };

    /// <param name="respond">How to answer success, given the article after the commit.</param>
    /// <param name="versionRequired">False only for commands that never conflict in meaning (comments).</param>
    public async Task<Results<TOk, BadRequestProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> RunAsync<TOk>(
        Guid id, int? versionInBody, DeskScope scope, AsyncDecider decide, Func<Article, TOk> respond, bool versionRequired = true)
        where TOk : IResult
    {
        var answer = await RunOnceAsync(id, versionInBody, scope, decide, respond, versionRequired);
        Count(answer.Result);
        return answer;
    }

    private async Task<Results<TOk, BadRequestProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> RunOnceAsync<TOk>(
        Guid id, int? versionInBody, DeskScope scope, AsyncDecider decide, Func<Article, TOk> respond, bool versionRequired)
        where TOk : IResult
    {
        var expected = versionRequired || versionInBody is not null || Http.Request.Headers.IfMatch.Count > 0
            ? ExpectedVersion.Resolve(versionInBody, Http.Request)
            : new ExpectedVersion(null, null);
        if (expected.Problem is { } missing) return new BadRequestProblem(missing);

        Correlation.Stamp(Session, Http);
        var stream = await Integrity.ChainHeads.FetchForWritingAsync<Article>(Session, id, expected.Version, Aborted);
        var article = stream.Aggregate;
        if (article is null || !User.CanSee(article.Desk)) return new NotFoundProblem(Problem.NotFound());
        // From here on the caller knows the article exists: every answer tells them its current version.
        Http.Response.Headers.ETag = ArticleHttp.ETag(article.Version);
        if (scope == DeskScope.OwnDesk && !User.WorksOn(article.Desk))
            return new ForbiddenProblem(Problem.Forbidden($"You do not work on the '{article.Desk}' desk."));
        if (expected.Version is { } version && version != article.Version)
            return new ConflictProblem(Problem.VersionConflict(version, article.Version));

        var decision = await decide(article, User, Now);
        if (decision.Problem is { } refused) return Refusal<TOk>(refused);

        // The state after the commit is the state before it with the new events folded in, computed now:
        // Marten applies the same events to its own (identity-mapped) instance when it saves.
        var after = Article.FoldAll(Article.Copy(article), decision.Events);
        stream.AppendMany(decision.Events.Cast<object>().ToArray());
        await Outbox.SendAsync(Bus, article, decision);
        try
        {
            await Session.SaveChangesAsync(Aborted);
        }
        catch (Exception e) when (UniqueViolations.Violates(e, ArticlesStore.LiveSlugIndex))
        {
            await Outbox.DiscardAsync(Bus);
            return new ConflictProblem(new Problem(409, ErrorCodes.SlugTaken,
                $"Another live article took the slug '{article.Slug}' a moment ago; nothing was written. Change the slug first."));
        }
        catch (Exception e) when (ConcurrencyFailures.IsConcurrencyFailure(e))
        {
            await Outbox.DiscardAsync(Bus);
            Http.Response.Headers.Remove("ETag");
            return new ConflictProblem(new Problem(409, ErrorCodes.VersionConflict,
                "Another change to this article was committed first; nothing was written. Reload it and try again."));
        }

        return respond(after);
    }

    /// <summary>A decider's refusal as the typed answer for its status (deciders refuse with 400, 403, 404 or 409).</summary>
    private static Results<TOk, BadRequestProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem> Refusal<TOk>(Problem problem)
        where TOk : IResult => problem.Status switch
    {
        400 => new BadRequestProblem(problem),
        403 => new ForbiddenProblem(problem),
        404 => new NotFoundProblem(problem),
        409 => new ConflictProblem(problem),
        _ => throw new InvalidOperationException($"A decider refused with {problem.Status} ({problem.Code}); commands answer 400, 403, 404 or 409.")
    };

    /// <summary>
    /// A new article stream, for the create endpoint and the importers: the idempotency key, the slug, the
    /// creation decider, then the commit.
    /// </summary>
    public async Task<Results<CreatedArticle, BadRequestProblem, ForbiddenProblem>> CreateAsync(IContentFields fields, string source)
    {
        var answer = await CreateOnceAsync(fields, source);
        Count(answer.Result);
        return answer;
    }

    /// <summary>The command's name (the API endpoint's, or the desk page's) and how it ended, for the commands metric.</summary>
    private void Count(IResult answer)
    {
        // An API endpoint is named after its command (CreateArticle); a desk page by its route (desk:/Edit).
        var endpoint = Http.GetEndpoint();
        var command = endpoint?.Metadata.GetMetadata<Wolverine.Http.HttpChain>() is not null
            ? endpoint.DisplayName ?? "unknown"
            : "desk:" + (endpoint?.DisplayName ?? "unknown");
        _metrics.CommandHandled(command, answer is ProblemResult refused ? refused.Problem.Code : "accepted");
    }

    private async Task<Results<CreatedArticle, BadRequestProblem, ForbiddenProblem>> CreateOnceAsync(IContentFields fields, string source)
    {
        Correlation.Stamp(Session, Http);

        var key = Http.Request.Headers[IdempotencyRecord.Header].ToString();
        if (key.Length > IdempotencyRecord.MaxKeyLength)
            return new BadRequestProblem(Problem.Validation(IdempotencyRecord.Header, $"The key is at most {IdempotencyRecord.MaxKeyLength} characters."));
        var recordId = key.Length > 0 ? IdempotencyRecord.IdFor(User.Id, key) : null;
        if (recordId != null && await IdempotencyRecord.CreatedEarlierAsync(Session, recordId, Aborted) is { } earlier)
            return new CreatedArticle(earlier, replayed: true);

        var slug = fields.Slug ?? await SlugAllocator.UniqueAsync(Session, Slugs.FromHeadline(fields.Headline!), Aborted);
        var id = Guid.CreateVersion7();
        var decision = CreateArticleEndpoint.Decide(id, fields, slug, source, User, Now);
        if (decision.Problem is { } refused) return new ForbiddenProblem(refused);

        Session.Events.StartStream<Article>(id, decision.Events.Cast<object>().ToArray());
        if (recordId != null) Session.Insert(new IdempotencyRecord { Id = recordId, ArticleId = id, At = Now });
        try
        {
            await Session.SaveChangesAsync(Aborted);
        }
        catch (Exception e) when (recordId != null && UniqueViolations.IsDuplicateKey(e))
        {
            // The same key raced us and won: answer with the article that request created.
            await using var fresh = Session.DocumentStore.QuerySession(Session.TenantId); // the same publication
            return new CreatedArticle(await IdempotencyRecord.CreatedEarlierAsync(fresh, recordId!, Aborted)
                ?? throw new InvalidOperationException("Idempotency record without article."), replayed: true);
        }

        return new CreatedArticle(Article.FoldAll(null, decision.Events));
    }
}
