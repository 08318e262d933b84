namespace Newsroom.Articles.Reading;

/// <summary>
/// The board's SQL, written for the filters actually given, so that each shape gets its own plan.
/// </summary>
/// <remarks>
/// Where the desks and statuses to show are known (a desk-bound editor, or a desk filter, with a status
/// filter), the board is the newest <c>Take</c> of each (desk, status) pair merged: every pair is one range of
/// the (desk, status, updated_at, id) index read in order, so no query sorts or filters the whole desk.
/// A single query with "= any(...)" would not do: PostgreSQL 15 cannot read an index in order across a list
/// of values, and the planner walks the updated_at index and filters (figures: docs/performance.md). The query returns keys only (id, stored version, position); <see cref="BoardItemCache"/>
/// supplies the items.
/// </remarks>
public static class BoardQuery
{
    private const string Item = "d.id, d.mt_version, d.updated_at";
    private static readonly string Table = $"{Infrastructure.Persistence.MartenSetup.Schema}.mt_doc_article as d";
    private const string Order = "order by updated_at desc, id desc";
    // What the query returns per row: which article, which stored version of it, and its place in the order.
    private const string Key = "jsonb_build_object('id', b.id, 'version', b.mt_version, 'at', b.updated_at)";

    public static (string Sql, object[] Parameters) Build(BoardFilters f)
    {
        var parameters = new List<object>();
        var common = new List<string>();
        if (f.CreatedBy != "") { common.Add("d.created_by_id = ?"); parameters.Add(f.CreatedBy); }
        if (f.Reviewer != "") { common.Add("d.reviewer = ?"); parameters.Add(f.Reviewer); }
        if (f.Text != "") { common.Add("d.data -> 'content' ->> 'headline' ilike ?"); parameters.Add("%" + EscapeLike(f.Text) + "%"); }
        if (f.After is { } after)
        {
            common.Add("(d.updated_at, d.id) < (?, ?)");
            parameters.Add(after.At);
            parameters.Add(after.Id);
        }

        var desks = f.Desk != "" ? (f.User.CanSee(f.Desk) ? [f.Desk] : [])
            : f.User.SeesAllDesks ? null : f.User.Desks.ToArray();
        if (desks is { Length: 0 }) return ($"select {Key} from (select {Item} from {Table} where false) as b", []);

        if (desks is not null && f.Statuses.Count > 0)
        {
            // One ordered index range per (desk, status), merged.
            var parts = new List<string>();
            var all = new List<object>();
            foreach (var desk in desks)
            foreach (var status in f.Statuses.Distinct())
            {
                parts.Add($"(select {Item} from {Table} where d.desk = ? and d.status = ?{And(common)} {Order} limit ?)");
                all.Add(desk);
                all.Add(status.ToString());
                all.AddRange(parameters);
                all.Add(f.Take);
            }
            all.Add(f.Take);
            return ($"select {Key} from ({string.Join(" union all ", parts)}) as b {Order} limit ?", all.ToArray());
        }

        var where = new List<string>();
        var first = new List<object>();
        if (desks is not null) { where.Add("d.desk = any(?)"); first.Add(desks); }
        if (f.Statuses.Count > 0) { where.Add("d.status = any(?)"); first.Add(f.Statuses.Select(s => s.ToString()).ToArray()); }
        where.AddRange(common);
        first.AddRange(parameters);
        first.Add(f.Take);
        var filter = where.Count == 0 ? "" : " where " + string.Join(" and ", where);
        return ($"select {Key} from (select {Item} from {Table}{filter}) as b {Order} limit ?", first.ToArray());
    }

    private static string And(List<string> predicates) => predicates.Count == 0 ? "" : " and " + string.Join(" and ", predicates);

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
