using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Public.Feeds;
using Wolverine.Http;

namespace Newsroom.Public;

public static class FeedEndpoints
{
    public const int FeedSize = 50;

    [WolverineGet("/public/feed.rss", Name = "GetRssFeed")]
    [AllowAnonymous]
    [Tags("Public")]
    [CachedPublicly]
    [Produces("application/rss+xml")]
    public static async Task<FeedDocument> Rss(IQuerySession session, HttpContext http, PublicSite site, TimeProvider clock) =>
        new(FeedWriter.Rss(await NewestAsync(session, http.RequestAborted), site.BaseFor(http), clock.GetUtcNow()), FeedWriter.RssContentType);

    [WolverineGet("/public/feed.atom", Name = "GetAtomFeed")]
    [AllowAnonymous]
    [Tags("Public")]
    [CachedPublicly]
    [Produces("application/atom+xml")]
    public static async Task<FeedDocument> Atom(IQuerySession session, HttpContext http, PublicSite site, TimeProvider clock) =>
        new(FeedWriter.Atom(await NewestAsync(session, http.RequestAborted), site.BaseFor(http), clock.GetUtcNow()), FeedWriter.AtomContentType);

    private static async Task<IReadOnlyList<PublishedArticle>> NewestAsync(IQuerySession session, CancellationToken ct) =>
        await PublicQueries.NewestAsync(session, desk: null, tag: null, after: null, FeedSize, ct);
}
