using Marten;

namespace Newsroom.Infrastructure.Tenancy;

/// <summary>
/// The sessions requests get from the container (the command pipeline, the desk's pages, and Wolverine's
/// endpoints when no tenant is set on their message context): lightweight sessions on the request's publication.
/// With one publication (no <c>Publications</c> configured) simply the store's lightweight sessions.
/// Message handlers are not served from here: Wolverine opens theirs on the tenant their message carries.
/// </summary>
public sealed class PublicationSessionFactory(IDocumentStore store, IHttpContextAccessor http, Publications publications) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(Publications.TenantOf(Tenant()));

    public IDocumentSession OpenSession() => store.LightweightSession(Publications.TenantOf(Tenant()));

    private string? Tenant()
    {
        if (!publications.Several) return null;
        var context = http.HttpContext
            ?? throw new InvalidOperationException("Outside a request, open sessions on a publication explicitly (store.LightweightSession(publication)).");
        return PublicationOfRequest.Get(context, publications);
    }
}
