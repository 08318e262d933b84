using System.Text.Json;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
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

public static class DiffEndpoint
{
    [WolverineGet("/api/articles/{id}/diff", Name = "DiffRevisions")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("History")]
    public static async Task<Results<Ok<DiffResponse>, BadRequestProblem, NotFoundProblem>> Get(Guid id, IQuerySession session, HttpContext http, [FromQuery, ParameterSchema("integer", Required = true, Minimum = 1, Example = "1", Description = "The earlier revision.")] string? from,
        [FromQuery, ParameterSchema("integer", Required = true, Minimum = 1, Example = "2", Description = "The later revision.")] string? to)
    {
        var errors = new Dictionary<string, string[]>();
        if (!int.TryParse(from, out var a) || a < 1) errors["from"] = ["from is a revision number from 1."];
        if (!int.TryParse(to, out var b) || b < 1) errors["to"] = ["to is a revision number from 1."];
        if (errors.Count > 0) return new BadRequestProblem(Problem.Validation(errors));

        var stream = await ArticleStream.LoadVisibleAsync(session, http, id);
        if (stream is null) return new NotFoundProblem(Problem.NotFound());
        var revisions = stream.Revisions();
        var before = revisions.FirstOrDefault(r => r.Revision == a);
        var after = revisions.FirstOrDefault(r => r.Revision == b);
        if (before is null || after is null)
            return new NotFoundProblem(Problem.NotFound($"The article has revisions 1 to {revisions.Count}."));

        http.Response.Headers.ETag = ArticleHttp.ETag(stream.Current.Version);
        return TypedResults.Ok(new DiffResponse(a, b, Compare(before.Content, after.Content)));
    }

    /// <summary>The fields that differ, in contract order; text fields carry a word-level diff (DiffPlex).</summary>
    public static IReadOnlyList<FieldChange> Compare(ArticleContent before, ArticleContent after)
    {
        var changes = new List<FieldChange>();
        void Field<T>(string name, T x, T y, bool words = false)
        {
            var left = JsonSerializer.SerializeToElement(x, Json);
            var right = JsonSerializer.SerializeToElement(y, Json);
            if (left.GetRawText() == right.GetRawText()) return;
            changes.Add(new FieldChange(name, left, right, words ? Words(x as string ?? "", y as string ?? "") : null));
        }

        Field("headline", before.Headline, after.Headline, words: true);
        Field("standfirst", before.Standfirst, after.Standfirst, words: true);
        Field("body", before.Body, after.Body, words: true);
        Field("desk", before.Desk, after.Desk);
        Field("byline", before.Byline, after.Byline);
        Field("tags", before.Tags, after.Tags);
        Field("category", before.Category, after.Category);
        Field("locations", before.Locations, after.Locations);
        Field("language", before.Language, after.Language);
        Field("slug", before.Slug, after.Slug);
        Field("embargoUntil", before.EmbargoUntil, after.EmbargoUntil);
        Field("priority", before.Priority, after.Priority);
        return changes;
    }

    public static IReadOnlyList<DiffPiece> Words(string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false, ignoreCase: false, new WordChunker());
        var pieces = new List<DiffPiece>();
        foreach (var line in model.Lines)
        {
            var op = line.Type switch { ChangeType.Inserted => "insert", ChangeType.Deleted => "delete", _ => "equal" };
            // Merge runs of the same kind so clients get phrases, not one entry per word.
            if (pieces.Count > 0 && pieces[^1].Op == op) pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + line.Text };
            else pieces.Add(new DiffPiece(op, line.Text));
        }
        return pieces;
    }

    private static JsonSerializerOptions Json => Infrastructure.Http.JsonSetup.Options;
}
