using Marten;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Webhooks;
using Wolverine;

namespace Newsroom.Articles;

/// <summary>Whose desk a command needs: the caller's own (editors, reviewers) or any (publishers).</summary>
public enum DeskScope
{
    OwnDesk,
    AnyDesk
}

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

/// <summary>The expected version travels in the body (<c>version</c>) or in <c>If-Match: "7"</c>.</summary>
public readonly record struct ExpectedVersion(int? Version, Problem? Problem)
{
    public static ExpectedVersion Resolve(int? versionInBody, HttpRequest request)
    {
        if (versionInBody is { } v)
            return v >= 0 ? new(v, null) : new(null, Problem.Validation("version", "The version must be zero or more."));

        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return new(null, Problem.Validation("version",
                "Send the version you last saw, as \"version\" in the body or as an If-Match header."));

        var raw = ifMatch.Trim();
        if (raw.StartsWith("W/", StringComparison.Ordinal)) raw = raw[2..];
        return int.TryParse(raw.Trim('"'), out var fromHeader) && fromHeader >= 0
            ? new(fromHeader, null)
            : new(null, Problem.Validation("version", $"If-Match must be a version such as \"7\", not {ifMatch}."));
    }
}

public static class ArticleHttp
{
    public static string ETag(int version) => $"\"{version}\"";

    public static IResult Ok(HttpContext http, Article article)
    {
        http.Response.Headers.ETag = ETag(article.Version);
        return TypedResults.Ok(ArticleResponse.From(article));
    }

    public static IResult Created(HttpContext http, Article article)
    {
        http.Response.Headers.ETag = ETag(article.Version);
        return TypedResults.Created($"/api/articles/{article.Id}", ArticleResponse.From(article));
    }
}

public static class Correlation
{
    public const string Header = "X-Correlation-Id";

    /// <summary>
    /// Every event of the request carries the caller's correlation id, or the request's trace id when the
    /// caller sent none or one that is not up to 128 printable ASCII characters (it is echoed in a header,
    /// where control characters cannot go).
    /// </summary>
    public static void Stamp(IDocumentSession session, HttpContext http)
    {
        var supplied = http.Request.Headers[Header].ToString();
        session.CorrelationId = !string.IsNullOrWhiteSpace(supplied) && supplied.Length <= 128 && supplied.All(c => c is >= ' ' and <= '~')
            ? supplied
            : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        http.Response.Headers[Header] = session.CorrelationId;
    }
}

public static class VisibleArticle
{
    /// <summary>The article if it exists and the caller may see its desk; otherwise null (answered as 404).</summary>
    public static async Task<Article?> LoadAsync(IQuerySession session, HttpContext http, Guid id)
    {
        var article = await session.LoadAsync<Article>(id, http.RequestAborted);
        return article is not null && CurrentUser.From(http.User).CanSee(article.Desk) ? article : null;
    }
}

public static class Outbox
{
    /// <summary>
    /// Hands the decision's messages, and the integration events its domain events mean, to Wolverine.
    /// They are stored with the events when the session commits and only then sent.
    /// </summary>
    public static async Task SendAsync(IMessageBus bus, Article before, Decision decision)
    {
        foreach (var outgoing in decision.Messages)
        {
            if (outgoing.DeliverAt is { } at) await bus.ScheduleAsync(outgoing.Message, at);
            else await bus.PublishAsync(outgoing.Message);
        }
        foreach (var integration in IntegrationEvents.For(before, decision.Events))
            await bus.PublishAsync(integration);
    }

    /// <summary>
    /// After a failed commit: the events were not written, so neither may the messages be sent. Wolverine
    /// would otherwise flush what was queued when the endpoint returns (a test proves it did).
    /// </summary>
    public static async Task DiscardAsync(IMessageBus bus)
    {
        if (bus is Wolverine.Runtime.MessageContext context) await context.ClearAllAsync();
    }
}
