namespace Newsroom.Public;

/// <summary>Where the public site lives, for absolute links in feeds, ninjs and webhook payloads (<c>Newsroom__PublicBaseUrl</c>).</summary>
public sealed class PublicSite
{
    public Uri? BaseUrl { get; init; }

    /// <summary>The configured base, else the base of the current request, else localhost.</summary>
    public Uri BaseFor(HttpContext? http) =>
        BaseUrl ?? (http is null ? new Uri("http://localhost/") : new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/"));
}

public static class PublicSiteModule
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        var baseUrl = configuration["Newsroom:PublicBaseUrl"];
        return services.AddSingleton(new PublicSite { BaseUrl = string.IsNullOrWhiteSpace(baseUrl) ? null : new Uri(baseUrl.TrimEnd('/') + "/") });
    }
}
