using Marten;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.History;

public static class BlameEndpoint
{
    [WolverineGet("/api/articles/{id}/blame", Name = "GetBlame")]
    [Authorize(Roles = Roles.AnyRole)]
    [Tags("History")]
    public static async Task<Results<Ok<BlameResponse>, NotFoundProblem>> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var stream = await ArticleStream.LoadVisibleAsync(session, http, id);
        if (stream is null) return new NotFoundProblem(Problem.NotFound());
        http.Response.Headers.ETag = ArticleHttp.ETag(stream.Current.Version);
        return TypedResults.Ok(Attribute(stream.Revisions(), stream.Facts.OfType<RevisionApproved>().ToList()));
    }

    /// <summary>
    /// Walks the revisions in order. A field is attributed to the last revision that changed it; a body
    /// paragraph to the revision that introduced it in its present wording (paragraphs are matched between
    /// revisions by a longest-common-subsequence, so moving text around others keeps their attribution).
    /// An approval of revision r covers text last changed at a revision ≤ r: that text is what the reviewer read.
    /// </summary>
    public static BlameResponse Attribute(IReadOnlyList<RevisionSnapshot> revisions, IReadOnlyList<RevisionApproved> approvals)
    {
        var fields = new Dictionary<string, RevisionSnapshot>();
        var paragraphs = new List<(string Text, RevisionSnapshot Origin)>();

        foreach (var revision in revisions)
        {
            var changed = revision.ContentChanges?.FieldNames() ?? AllFields;
            foreach (var field in changed) fields[field] = revision;

            if (revision.ContentChanges is null || revision.ContentChanges.Body is not null)
                paragraphs = Carry(paragraphs, Paragraphs(revision.Content.Body), revision);
        }

        CoveringApproval? Cover(int lastChanged) => approvals
            .Where(a => a.Revision >= lastChanged)
            .OrderByDescending(a => a.Revision).ThenByDescending(a => a.At)
            .Select(a => new CoveringApproval(a.By, a.Revision, a.At))
            .FirstOrDefault();

        var current = revisions.Count == 0 ? 0 : revisions[^1].Revision;
        return new BlameResponse(current,
            AllFields.Where(fields.ContainsKey).Select(f =>
                new FieldBlame(f, fields[f].Revision, fields[f].By, fields[f].At, Cover(fields[f].Revision))).ToList(),
            paragraphs.Select((p, i) =>
                new ParagraphBlame(i, p.Text, p.Origin.Revision, p.Origin.By, p.Origin.At, Cover(p.Origin.Revision))).ToList());
    }

    private static readonly string[] AllFields =
        ["headline", "standfirst", "body", "desk", "byline", "tags", "category", "locations", "language", "slug", "embargoUntil", "priority"];

    public static List<string> Paragraphs(string? body) =>
        (body ?? "").Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    // Paragraphs kept unchanged from the previous revision keep their origin; the rest are this revision's.
    private static List<(string, RevisionSnapshot)> Carry(List<(string Text, RevisionSnapshot Origin)> before, List<string> after, RevisionSnapshot revision)
    {
        var n = before.Count;
        var m = after.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = before[i].Text == after[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var result = new List<(string, RevisionSnapshot)>(m);
        int x = 0, y = 0;
        while (y < m)
        {
            if (x < n && before[x].Text == after[y]) { result.Add((after[y], before[x].Origin)); x++; y++; }
            else if (x < n && lcs[x + 1, y] >= lcs[x, y + 1]) x++;
            else { result.Add((after[y], revision)); y++; }
        }
        return result;
    }
}
