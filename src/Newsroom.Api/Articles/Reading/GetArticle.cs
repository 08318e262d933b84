using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reading;

public static class GetArticleEndpoint
{
    /// <summary>
    /// The article now (from the inline article view, through this node's <see cref="ArticleCache"/>), or as it was at <c>?version=N</c> / <c>?asOf=time</c>,
    /// aggregated live from the events up to that point (never from a stored snapshot), so the past cannot
    /// drift from what was recorded.
    /// </summary>
    [WolverineGet("/api/articles/{id}", Name = "GetArticle")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("Articles")]
    public static async Task<Results<ArticleOk, NotModified, BadRequestProblem, NotFoundProblem>> Get(Guid id, IQuerySession session, HttpContext http, ArticleCache cache,
        [FromQuery, ParameterSchema("integer", Minimum = 1, Example = "3", Description = "The article as it stood at this version.")] string? version,
        [FromQuery, ParameterSchema("string", Format = "date-time", Example = "2026-07-27T09:00:00Z", Description = "The article as it stood at this time (ISO 8601). Not with version.")] string? asOf)
    {
        var current = await cache.CurrentAsync(session, id, http.RequestAborted);
        if (current is null || !VisibleArticle.Allows(http, current.Desk)) return new NotFoundProblem(Problem.NotFound());

        if (version is not null || asOf is not null)
        {
            if (version is not null && asOf is not null)
                return new BadRequestProblem(Problem.Validation("version", "Ask for either ?version= or ?asOf=, not both."));

            Article? past;
            if (version is not null)
            {
                if (!int.TryParse(version, out var v) || v < 1)
                    return new BadRequestProblem(Problem.Validation("version", "version is a whole number from 1."));
                past = v > current.Version ? null : await LiveAsync(session, id, e => e.Version <= v, http.RequestAborted);
            }
            else
            {
                // An unencoded "+01:00" offset arrives as " 01:00"; read it as the client meant it.
                if (!DateTimeOffset.TryParse(asOf!.Replace(' ', '+'), System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
                    return new BadRequestProblem(Problem.Validation("asOf", "asOf is an ISO 8601 time such as 2026-07-27T09:00:00Z."));
                var moment = at.ToUniversalTime();
                past = await LiveAsync(session, id, e => ((IArticleEvent)e.Data).At <= moment, http.RequestAborted);
            }

            if (past is null) return new NotFoundProblem(Problem.NotFound("The article did not exist at that point."));
            return new ArticleOk(past);
        }

        var etag = ArticleHttp.ETag(current.Version);
        if (ConditionalRequests.ClientHas(http.Request, etag)) return new NotModified(etag);
        return new ArticleOk(current);
    }

    /// <summary>
    /// Live aggregation: the stream's events folded from the start while <paramref name="upTo"/> holds.
    /// Times are judged by the business time each event records, the clock createdAt/updatedAt show.
    /// </summary>
    public static async Task<Article?> LiveAsync(IQuerySession session, Guid id, Func<JasperFx.Events.IEvent, bool> upTo, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        Article? state = null;
        foreach (var e in events.TakeWhile(upTo))
            state = Article.Fold(state, (IArticleEvent)e.Data);
        return state;
    }
}
