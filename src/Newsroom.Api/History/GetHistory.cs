using Marten;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.History;

public static class GetHistoryEndpoint
{
    /// <summary>Every event of the article, oldest first, with who, when, which revision, and a sentence for people.</summary>
    [WolverineGet("/api/articles/{id}/history", Name = "GetHistory")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("History")]
    public static async Task<Results<Ok<Page<HistoryItem>>, NotFoundProblem>> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var stream = await ArticleStream.LoadVisibleAsync(session, http, id);
        if (stream is null) return new NotFoundProblem(Problem.NotFound());

        var items = stream.Events.Where(e => e.Data is IArticleEvent).Select(e =>
        {
            var fact = (IArticleEvent)e.Data;
            return new HistoryItem((int)e.Version, EventSummaries.TypeName(fact), fact.By, fact.At,
                EventSummaries.RevisionOf(fact), EventSummaries.For(fact), e.CorrelationId);
        }).ToList();
        http.Response.Headers.ETag = ArticleHttp.ETag(stream.Current.Version);
        // The whole timeline is one page: an article's history is read whole, and it is bounded by its events.
        return TypedResults.Ok(new Page<HistoryItem>(items, null));
    }
}
