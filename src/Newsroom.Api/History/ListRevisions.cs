using Marten;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.History;

public static class ListRevisionsEndpoint
{
    [WolverineGet("/api/articles/{id}/revisions", Name = "ListRevisions")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("History")]
    public static async Task<Results<Ok<Page<RevisionSummary>>, NotFoundProblem>> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var stream = await ArticleStream.LoadVisibleAsync(session, http, id);
        if (stream is null) return new NotFoundProblem(Problem.NotFound());
        var items = stream.Revisions().Select(r => new RevisionSummary(r.Revision, r.At, r.By, r.Content.Headline,
            r.ContentChanges?.FieldNames() ?? ["headline", "standfirst", "body", "desk", "byline", "tags", "category", "locations", "language", "slug", "embargoUntil", "priority"],
            r.CorrectionNote)).ToList();
        http.Response.Headers.ETag = ArticleHttp.ETag(stream.Current.Version);
        return TypedResults.Ok(new Page<RevisionSummary>(items, null));
    }
}
