namespace Newsroom.Public;

/// <summary>Where the public site lives, for absolute links in feeds, ninjs and webhook payloads (<c>Newsroom__PublicBaseUrl</c>).</summary>
public sealed class PublicSite
{
    public Uri? BaseUrl { get; init; }

    /// <summary>The publication's name on reader pages, in JSON-LD and the news sitemap (<c>Newsroom__PublicSiteName</c>).</summary>
    public string Name { get; init; } = "Newsroom";

    /// <summary>The configured base, else the base of the current request, else localhost.</summary>
    public Uri BaseFor(HttpContext? http) =>
        BaseUrl ?? (http is null ? new Uri("http://localhost/") : new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/"));
}

public static class PublicSiteModule
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        var baseUrl = configuration["Newsroom:PublicBaseUrl"];
        var name = configuration["Newsroom:PublicSiteName"];
        return services.AddSingleton(new PublicSite
        {
            BaseUrl = string.IsNullOrWhiteSpace(baseUrl) ? null : new Uri(baseUrl.TrimEnd('/') + "/"),
            Name = string.IsNullOrWhiteSpace(name) ? "Newsroom" : name.Trim()
        });
    }
}
