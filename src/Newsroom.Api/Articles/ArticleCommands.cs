using Marten;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Persistence;
using Wolverine;

namespace Newsroom.Articles;

/// <summary>
/// The one path every command on an existing article takes, so the rules that apply to all of them are
/// enforced in one place and in one order:
/// expected version present → article exists and is visible (else 404) → caller may act on its desk (403) →
/// version is current (409, nothing written) → the pure decider → append → commit, where Marten re-checks
/// the version so a concurrent writer can never be overwritten.
/// </summary>
public static class ArticleCommands
{
    public delegate Decision Decider(Article article, CurrentUser user, DateTimeOffset now);

    /// <summary>For deciders that need facts from outside the stream (looked up first, then passed in).</summary>
    public delegate Task<Decision> AsyncDecider(Article article, CurrentUser user, DateTimeOffset now);

    public static Task<IResult> ExecuteAsync(
        IDocumentSession session, IMessageBus bus, HttpContext http, TimeProvider clock,
        Guid id, int? versionInBody, DeskScope scope, Decider decide) =>
        ExecuteAsync(session, bus, http, clock, id, versionInBody, scope,
            (article, user, now) => Task.FromResult(decide(article, user, now)));

    /// <param name="respond">How to answer success; by default 200 with the new article representation.</param>
    /// <param name="versionRequired">False only for commands that never conflict in meaning (comments).</param>
    /// <param name="bus">Wolverine's context for this request: the session is enrolled in its outbox, so
    /// messages sent here commit with the events or not at all.</param>
    public static async Task<IResult> ExecuteAsync(
        IDocumentSession session, IMessageBus bus, HttpContext http, TimeProvider clock,
        Guid id, int? versionInBody, DeskScope scope, AsyncDecider decide,
        Func<HttpContext, Article, IResult>? respond = null, bool versionRequired = true)
    {
        var user = CurrentUser.From(http.User);
        var expected = versionRequired || versionInBody is not null || http.Request.Headers.IfMatch.Count > 0
            ? ExpectedVersion.Resolve(versionInBody, http.Request)
            : new ExpectedVersion(null, null);
        if (expected.Problem is { } missing) return missing.ToResult(http);

        Correlation.Stamp(session, http);
        var stream = await session.Events.FetchForWriting<Article>(id, http.RequestAborted);
        var article = stream.Aggregate;
        if (article is null || !user.CanSee(article.Desk)) return Problem.NotFound().ToResult(http);
        // From here on the caller knows the article exists: every answer tells them its current version.
        http.Response.Headers.ETag = ArticleHttp.ETag(article.Version);
        if (scope == DeskScope.OwnDesk && !user.WorksOn(article.Desk))
            return Problem.Forbidden($"You do not work on the '{article.Desk}' desk.").ToResult(http);
        if (expected.Version is { } version && version != article.Version)
            return Problem.VersionConflict(version, article.Version).ToResult(http);

        var decision = await decide(article, user, clock.GetUtcNow());
        if (decision.Problem is { } refused) return refused.ToResult(http);

        // The state after the commit is the state before it with the new events folded in, computed now:
        // Marten applies the same events to its own (identity-mapped) instance when it saves.
        var after = Article.FoldAll(Article.Copy(article), decision.Events);
        stream.AppendMany(decision.Events.Cast<object>().ToArray());
        await Outbox.SendAsync(bus, article, decision);
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (UniqueViolations.Violates(e, ArticlesStore.LiveSlugIndex))
        {
            await Outbox.DiscardAsync(bus);
            return new Problem(409, ErrorCodes.SlugTaken,
                $"Another live article took the slug '{article.Slug}' a moment ago; nothing was written. Change the slug first.").ToResult(http);
        }
        catch (Exception e) when (ConcurrencyFailures.IsConcurrencyFailure(e))
        {
            await Outbox.DiscardAsync(bus);
            http.Response.Headers.Remove("ETag");
            return new Problem(409, ErrorCodes.VersionConflict,
                "Another change to this article was committed first; nothing was written. Reload it and try again.").ToResult(http);
        }

        return (respond ?? ArticleHttp.Ok)(http, after);
    }
}
