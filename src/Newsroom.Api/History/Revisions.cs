using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.History;

public sealed record RevisionSummary(int Revision, DateTimeOffset At, string By, string ByName, string Headline,
    IReadOnlyList<string> ChangedFields, string? CorrectionNote);

public sealed record RevisionContent(int Revision, DateTimeOffset At, string By, string ByName, string Headline, string? Standfirst,
    string Body, string Desk, IReadOnlyList<string> Byline, IReadOnlyList<string> Tags, string? Category,
    IReadOnlyList<GeoLocation> Locations, string Language, string Slug, DateTimeOffset? EmbargoUntil, int Priority)
{
    public static RevisionContent From(RevisionSnapshot s) => new(s.Revision, s.At, s.By.Id, s.By.Name, s.Content.Headline,
        s.Content.Standfirst, s.Content.Body ?? "", s.Content.Desk, s.Content.Byline, s.Content.Tags, s.Content.Category,
        s.Content.Locations, s.Content.Language, s.Content.Slug, s.Content.EmbargoUntil, s.Content.Priority);
}

public static class ListRevisionsEndpoint
{
    [WolverineGet("/api/articles/{id}/revisions", Name = "ListRevisions")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("History")]
    [ProducesResponseType<Page<RevisionSummary>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var stream = await ArticleStream.LoadVisibleAsync(session, http, id);
        if (stream is null) return Problem.NotFound().ToResult(http);
        var items = stream.Revisions().Select(r => new RevisionSummary(r.Revision, r.At, r.By.Id, r.By.Name, r.Content.Headline,
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
    [ProducesResponseType<RevisionContent>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, string n, IQuerySession session, HttpContext http)
    {
        if (!int.TryParse(n, out var revision) || revision < 1)
            return Problem.Validation("n", "The revision is a whole number from 1.").ToResult(http);
        var stream = await ArticleStream.LoadVisibleAsync(session, http, id);
        if (stream is null) return Problem.NotFound().ToResult(http);
        var snapshot = stream.Revisions().FirstOrDefault(r => r.Revision == revision);
        http.Response.Headers.ETag = ArticleHttp.ETag(stream.Current.Version);
        if (snapshot is null) return Problem.NotFound($"The article has no revision {revision}.").ToResult(http);
        return TypedResults.Ok(RevisionContent.From(snapshot));
    }
}
