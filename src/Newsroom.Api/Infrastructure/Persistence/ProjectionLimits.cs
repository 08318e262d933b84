using JasperFx.Events.Projections;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>What each async projection may hold in memory.</summary>
public static class ProjectionLimits
{
    /// <summary>
    /// While the daemon works off a backlog (a bulk import, a restart after downtime) each projection reads
    /// ahead up to this many events. Measured in the benchmark's 90 000-article seeding: peak RSS 302 MB with
    /// the default, 243 MB with 1 000, and the projections caught up in 26.7 s instead of 33.3 s.
    /// </summary>
    public const int ReadAheadEvents = 1000;

    public static void Configure(AsyncOptions options) => options.MaximumHopperSize = ReadAheadEvents;
}
