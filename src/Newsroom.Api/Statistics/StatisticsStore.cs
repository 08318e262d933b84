using JasperFx.Events.Projections;
using Marten;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Statistics;

public static class StatisticsStore
{
    public static StoreOptions AddDeskStatistics(this StoreOptions options)
    {
        options.Projections.Add(new DeskStatisticsProjection(), ProjectionLifecycle.Async,
            async =>
            {
                ProjectionLimits.Configure(async);
                async.EnableDocumentTrackingByIdentity = true;
            });
        options.Schema.For<DeskDuration>().Duplicate(d => d.Desk);
        return options;
    }
}
