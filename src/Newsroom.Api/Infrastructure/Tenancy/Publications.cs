using System.Security.Claims;
using System.Text.RegularExpressions;

namespace Newsroom.Infrastructure.Tenancy;

/// <summary>
/// The publications this service serves, each in its own database (Marten's database-per-tenant; ADR 0033).
/// None configured (the default) is one publication in <c>ConnectionStrings__Newsroom</c>, and nothing here
/// applies. With some, the tenant of a request is the <c>publication</c> claim of its caller, or for anonymous
/// readers the publication whose host names include the request's host.
/// </summary>
public sealed partial class Publications
{
    public const string Claim = "publication";
    public const string Section = "Publications";

    private readonly Dictionary<string, string> _byHost = new(StringComparer.OrdinalIgnoreCase);

    public Publications(IReadOnlyDictionary<string, PublicationOptions> all)
    {
        All = all;
        foreach (var (id, publication) in all)
        {
            if (!ValidId().IsMatch(id))
                throw new InvalidOperationException($"Publication id '{id}' must be lower-case letters, digits and hyphens (it is the tenant id and a claim value).");
            if (string.IsNullOrWhiteSpace(publication.ConnectionString))
                throw new InvalidOperationException($"Publications__{id}__ConnectionString is not set.");
            foreach (var host in publication.Hosts.Where(h => !string.IsNullOrWhiteSpace(h)))
                if (!_byHost.TryAdd(host.Trim(), id))
                    throw new InvalidOperationException($"The host '{host}' is given to two publications ({_byHost[host.Trim()]} and {id}).");
        }
    }

    public static Publications From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var all = section.GetChildren().ToDictionary(c => c.Key, c => c.Get<PublicationOptions>() ?? new PublicationOptions(), StringComparer.Ordinal);
        return new Publications(all);
    }

    public IReadOnlyDictionary<string, PublicationOptions> All { get; }

    /// <summary>False for the ordinary single-database service.</summary>
    public bool Several => All.Count > 0;

    public IEnumerable<string> Ids => All.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// For work done in each database in turn (demo data, verify, health, gauges): every publication's id, or one
    /// null — Marten's default tenant — for the single-database service.
    /// </summary>
    public IReadOnlyList<string?> Tenants => Several ? [.. Ids] : [null];

    /// <summary>Marten's tenant id of a publication: none (the single-database service) is Marten's default tenant.</summary>
    public static string TenantOf(string? publication) =>
        string.IsNullOrEmpty(publication) ? JasperFx.StorageConstants.DefaultTenantId : publication;

    public string NameOf(string id) => All.TryGetValue(id, out var p) && !string.IsNullOrWhiteSpace(p.Name) ? p.Name : id;

    /// <summary>The publication a caller's claims name, when it is one served here.</summary>
    public string? OfCaller(ClaimsPrincipal user)
    {
        var claimed = user.FindFirst(Claim)?.Value;
        if (claimed is not null) return All.ContainsKey(claimed) ? claimed : null;
        // With one publication configured a token need not name it.
        return All.Count == 1 ? All.Keys.Single() : null;
    }

    /// <summary>Why a signed-in caller has no publication here, or null when they have one.</summary>
    public string? RefusalFor(ClaimsPrincipal user)
    {
        if (!Several || OfCaller(user) is not null) return null;
        return user.FindFirst(Claim)?.Value is { } claimed
            ? $"The token's publication '{claimed}' is not served here."
            : "The token names no publication (claim 'publication'); this service serves several.";
    }

    /// <summary>The publication a host name belongs to (one publication configured serves every host).</summary>
    public string? OfHost(string host) =>
        _byHost.TryGetValue(host, out var id) ? id : All.Count == 1 ? All.Keys.Single() : null;

    /// <summary>
    /// The tenant of a request: the caller's publication when signed in, else the host's. Throws
    /// <see cref="PublicationUnknown"/> (401 or 404) when there is none. Only called when <see cref="Several"/>.
    /// </summary>
    public string Of(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
            return OfCaller(http.User) ?? throw new PublicationUnknown(StatusCodes.Status401Unauthorized, RefusalFor(http.User)!);
        return OfHost(http.Request.Host.Host)
               ?? throw new PublicationUnknown(StatusCodes.Status404NotFound, $"No publication is served at {http.Request.Host.Host}.");
    }

    /// <summary>The base URL of a publication's public site: its first host name, over HTTPS.</summary>
    public Uri? BaseUrlOf(string? id) =>
        id is not null && All.TryGetValue(id, out var p) && p.Hosts.FirstOrDefault(h => !string.IsNullOrWhiteSpace(h)) is { } host
            ? new Uri($"https://{host.Trim()}/")
            : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex ValidId();
}
