using JasperFx.Events.Projections;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>What each async projection may hold in memory.</summary>
public static class ProjectionLimits
{
    /// <summary>
    /// While the daemon works off a backlog (a bulk import, a restart after downtime) each projection reads
    /// ahead up to this many events. Fewer than the default: less memory and a faster catch-up (figures:
    /// docs/performance.md).
    /// </summary>
    public const int ReadAheadEvents = 1000;

    public static void Configure(AsyncOptions options) => options.MaximumHopperSize = ReadAheadEvents;
}
