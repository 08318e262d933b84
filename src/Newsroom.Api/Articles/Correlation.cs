using Marten;
using Newsroom.Infrastructure.Http;

namespace Newsroom.Articles;

public static class Correlation
{
    /// <summary>Every event of the request carries the request's correlation id (<see cref="CorrelationIds"/>).</summary>
    public static void Stamp(IDocumentSession session, HttpContext http) => session.CorrelationId = CorrelationIds.Of(http);
}
