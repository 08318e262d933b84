using JasperFx.Events.Projections;
using Marten;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Audit;

public static class AuditStore
{
    public static StoreOptions AddAuditLog(this StoreOptions options)
    {
        options.Projections.Add(new AuditLogProjection(), ProjectionLifecycle.Async, ProjectionLimits.Configure);
        options.Schema.For<AuditEntry>()
            .Duplicate(a => a.Seq)
            .Duplicate(a => a.ArticleId)
            .Duplicate(a => a.ActorId)
            .Duplicate(a => a.Type)
            .Duplicate(a => a.At, "timestamptz")
            .Duplicate(a => a.CorrelationId!);
        return options;
    }
}
