using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.History;

public sealed record RevisionSummary(int Revision, DateTimeOffset At, Actor By, string Headline,
    IReadOnlyList<string> ChangedFields, string? CorrectionNote);

public sealed record RevisionContent(int Revision, DateTimeOffset At, Actor By, string Headline, string? Standfirst,
    string Body, string Desk, IReadOnlyList<string> Byline, IReadOnlyList<string> Tags, string? Category,
    IReadOnlyList<GeoLocation> Locations, string Language, string Slug, DateTimeOffset? EmbargoUntil, int Priority)
{
    public static RevisionContent From(RevisionSnapshot s) => new(s.Revision, s.At, s.By, s.Content.Headline,
        s.Content.Standfirst, s.Content.Body ?? "", s.Content.Desk, s.Content.Byline, s.Content.Tags, s.Content.Category,
        s.Content.Locations, s.Content.Language, s.Content.Slug, s.Content.EmbargoUntil, s.Content.Priority);
}

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
