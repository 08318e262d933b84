using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// A per-caller token bucket (the token's <c>sub</c>, else the client's address) so one runaway script cannot
/// starve a desk. <c>RateLimiting__PermitsPerMinute</c> sets the rate (default 1200); 0 turns it off.
/// Over the limit: 429 <c>rate_limited</c> with <c>Retry-After</c>. The client's address is the one
/// <see cref="ForwardedHeadersSetup"/> established: behind a trusted proxy, the reader's, not the proxy's.
/// Public pages served from the output cache are not counted (UseNewsroom runs the cache first; ADR 0024).
/// </summary>
public static class RateLimiting
{
    public const int DefaultPermitsPerMinute = 1200;

    public static IServiceCollection AddNewsroomRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimiting:PermitsPerMinute", DefaultPermitsPerMinute);
        if (perMinute <= 0) return services;

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(Caller(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    // A second's share each second; below 60 a minute, one permit every 60/n seconds (one a
                    // second would have allowed 60 a minute whatever the setting).
                    TokensPerPeriod = Math.Max(1, perMinute / 60),
                    ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
                    QueueLimit = 0,
                    AutoReplenishment = true
                }));
            options.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemDetailsSetup.WriteAsync(context.HttpContext, new Problem(429, ErrorCodes.RateLimited,
                    $"Too many requests: at most {perMinute} a minute per caller. Retry after the Retry-After delay."));
            };
        });
        return services;
    }

    public static WebApplication UseNewsroomRateLimiting(this WebApplication app)
    {
        if (app.Services.GetService<Microsoft.Extensions.Options.IOptions<RateLimiterOptions>>()?.Value.GlobalLimiter is not null)
            app.UseRateLimiter();
        return app;
    }

    // Runs after authentication, so a valid token's subject names the caller; anonymous callers share by address.
    private static string Caller(HttpContext http) =>
        http.User.FindFirst("sub")?.Value is { Length: > 0 } sub
            ? "user:" + sub
            : "addr:" + AddressKey(http.Connection.RemoteIpAddress);

    /// <summary>
    /// The bucket of an anonymous caller: the IPv4 address, or the /64 network of an IPv6 one (one subscriber
    /// usually holds a whole /64, so per-address buckets there would be free for the asking).
    /// </summary>
    public static string AddressKey(System.Net.IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || System.Net.IPAddress.IsLoopback(address))
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }
}
