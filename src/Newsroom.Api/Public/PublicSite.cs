using Newsroom.Infrastructure.Tenancy;

namespace Newsroom.Public;

/// <summary>
/// Where the public site lives, for absolute links in feeds, ninjs and webhook payloads (<c>Newsroom__PublicBaseUrl</c>;
/// with several publications, each publication's first host name).
/// </summary>
public sealed class PublicSite
{
    public Uri? BaseUrl { get; init; }

    /// <summary>The publication's name on reader pages, in JSON-LD and the news sitemap (<c>Newsroom__PublicSiteName</c>).</summary>
    public string Name { get; init; } = "Newsroom";

    public Publications Publications { get; init; } = new(new Dictionary<string, PublicationOptions>());

    /// <summary>The name of the request's publication where the service serves several (its <c>Name</c>), else <see cref="Name"/>.</summary>
    public string NameFor(HttpContext? http) =>
        Publications.Several && http is not null && PublicationOfRequest.TryFind(http) is { } publication ? Publications.NameOf(publication) : Name;

    /// <summary>
    /// The publication's site (several publications), else the configured base, else the base of the current
    /// request, else localhost. <paramref name="publication"/> is for work outside a request (webhook deliveries).
    /// </summary>
    public Uri BaseFor(HttpContext? http, string? publication = null)
    {
        if (Publications.Several && Publications.BaseUrlOf(publication ?? (http is null ? null : PublicationOfRequest.TryFind(http))) is { } own)
            return own;
        return BaseUrl ?? (http is null ? new Uri("http://localhost/") : new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/"));
    }
}

public static class PublicSiteModule
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        var baseUrl = configuration["Newsroom:PublicBaseUrl"];
        var name = configuration["Newsroom:PublicSiteName"];
        return services.AddSingleton(provider => new PublicSite
        {
            BaseUrl = string.IsNullOrWhiteSpace(baseUrl) ? null : new Uri(baseUrl.TrimEnd('/') + "/"),
            Name = string.IsNullOrWhiteSpace(name) ? "Newsroom" : name.Trim(),
            Publications = provider.GetRequiredService<Publications>()
        });
    }
}
