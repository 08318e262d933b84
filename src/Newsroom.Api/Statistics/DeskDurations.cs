using Marten;

namespace Newsroom.Statistics;

/// <summary>
/// Median and p90 of each desk's durations, computed by PostgreSQL over the <see cref="DeskDuration"/> rows:
/// <c>percentile_cont(0.5)</c> is the median (the mean of the two middle values for an even count) and
/// <c>percentile_disc(0.9)</c> the nearest-rank p90 (the smallest value with at least 90 % at or below it).
/// </summary>
public static class DeskDurations
{
    private static readonly string Sql = $"""
        select jsonb_build_object('desk', d.desk, 'kind', d.data ->> 'kind', 'count', count(*),
            'median', percentile_cont(0.5) within group (order by (d.data ->> 'seconds')::float8),
            'p90', percentile_disc(0.9) within group (order by (d.data ->> 'seconds')::float8))
        from {Infrastructure.Persistence.MartenSetup.Schema}.mt_doc_deskduration as d
        where (:desk = '' or d.desk = :desk)
        group by d.desk, d.data ->> 'kind'
        """;

    public static async Task<IReadOnlyList<DurationRow>> SummarizeAsync(IQuerySession session, string? desk, CancellationToken ct) =>
        await session.QueryAsync<DurationRow>(Sql, ct, new { desk = desk ?? "" });
}
