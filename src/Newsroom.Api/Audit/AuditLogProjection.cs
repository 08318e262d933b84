using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Newsroom.Articles;
using Newsroom.History;

namespace Newsroom.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every article event, asynchronously in the daemon. Everything it
/// writes comes from the event, so a rebuild reproduces the log exactly.
/// </summary>
/// <remarks>
/// Entries are inserted, never upserted: each event is projected once (a page and its progress commit
/// together, and a rebuild clears the log first); inserts rebuild faster than upserts (docs/performance.md).
/// </remarks>
public sealed partial class AuditLogProjection : EventProjection
{
    public AuditLogProjection()
    {
        Name = "AuditLog";
        Options.DeleteViewTypeOnTeardown<AuditEntry>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is IArticleEvent fact)
        {
            operations.Insert(new AuditEntry
            {
                Id = e.Id,
                Seq = e.Sequence,
                ArticleId = e.StreamId,
                Version = (int)e.Version,
                Type = EventSummaries.TypeName(fact),
                Actor = fact.By,
                ActorId = fact.By.Id,
                At = fact.At,
                Summary = EventSummaries.For(fact),
                CorrelationId = e.CorrelationId
            });
        }
        return ValueTask.CompletedTask;
    }
}
