using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy or CDN every request arrives from the proxy's address; the reader's is in
/// <c>X-Forwarded-For</c>. The header is believed only when the immediate peer is a proxy named in
/// configuration (<c>ForwardedHeaders__KnownProxies__N</c> addresses, <c>ForwardedHeaders__KnownIPNetworks__N</c>
/// CIDR ranges); from anyone else it is ignored, since any client can send it. Nothing configured: no header
/// is believed (ASP.NET Core's own default would trust loopback). ADR 0024.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    /// <summary>The options from configuration, or null when no proxy is trusted. A malformed entry stops start-up.</summary>
    public static ForwardedHeadersOptions? FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Values(section.GetSection("KnownProxies"));
        var networks = Values(section.GetSection("KnownIPNetworks"));
        if (proxies.Count == 0 && networks.Count == 0) return null;

        var options = new ForwardedHeadersOptions
        {
            // The client's address and scheme (links use the scheme when Newsroom__PublicBaseUrl is not set).
            // Not X-Forwarded-Host: the host is not ours to take from a header.
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // How many proxies in a row to walk back through (a CDN in front of a load balancer is 2); each must be trusted.
            ForwardLimit = section.GetValue("ForwardLimit", 1)
        };
        if (options.ForwardLimit < 1)
            throw new InvalidOperationException($"{Section}__ForwardLimit must be 1 or more.");
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var (key, value) in proxies)
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address) ? address
                : throw new InvalidOperationException($"{Section}__KnownProxies__{key} is not an IP address: '{value}'."));
        foreach (var (key, value) in networks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network) ? network
                : throw new InvalidOperationException($"{Section}__KnownIPNetworks__{key} is not a CIDR range (e.g. 10.0.0.0/8): '{value}'."));
        return options;
    }

    public static IServiceCollection AddNewsroomForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        // Parsed now, so a typo in a proxy address stops the service at start-up rather than trusting nobody silently.
        var options = FromConfiguration(configuration);
        if (options is not null) services.AddSingleton(new TrustedProxies(options));
        return services;
    }

    /// <summary>First in the pipeline: everything after it (rate limiting, logs, links) sees the client's address.</summary>
    public static WebApplication UseNewsroomForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetService<TrustedProxies>() is { } trusted) app.UseForwardedHeaders(trusted.Options);
        return app;
    }

    // Indexed entries (KnownProxies__0, __1, ...) or one comma-separated value (KnownProxies=a,b).
    private static List<(string Key, string Value)> Values(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section.Value)
            ? section.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((v, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToList()
            : section.GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => (c.Key, c.Value!.Trim())).ToList();

    private sealed record TrustedProxies(ForwardedHeadersOptions Options);
}
