using Marten;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.History;

public static class GetRevisionEndpoint
{
    /// <summary>The content exactly as it was at revision n.</summary>
    [WolverineGet("/api/articles/{id}/revisions/{n}", Name = "GetRevision")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("History")]
    public static async Task<Results<Ok<RevisionContent>, BadRequestProblem, NotFoundProblem>> Get(Guid id, [ParameterSchema("integer", Minimum = 1, Example = "2", Description = "The revision number.")] string n, IQuerySession session, HttpContext http)
    {
        if (!int.TryParse(n, out var revision) || revision < 1)
            return new BadRequestProblem(Problem.Validation("n", "The revision is a whole number from 1."));
        var stream = await ArticleStream.LoadVisibleAsync(session, http, id);
        if (stream is null) return new NotFoundProblem(Problem.NotFound());
        var snapshot = stream.Revisions().FirstOrDefault(r => r.Revision == revision);
        http.Response.Headers.ETag = ArticleHttp.ETag(stream.Current.Version);
        if (snapshot is null) return new NotFoundProblem(Problem.NotFound($"The article has no revision {revision}."));
        return TypedResults.Ok(RevisionContent.From(snapshot));
    }
}
