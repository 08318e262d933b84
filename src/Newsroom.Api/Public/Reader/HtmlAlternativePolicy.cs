using Microsoft.AspNetCore.Routing.Matching;

namespace Newsroom.Public.Reader;

/// <summary>
/// Content negotiation at routing: of two endpoints on one route, the JSON one (the API's, described in the OpenAPI
/// document) and its <see cref="HtmlAlternative"/> (the reader's page), keeps the one the request's <c>Accept</c>
/// prefers. Each stays a plain endpoint with its own answers, and the output cache keys them apart
/// (<see cref="PublicPagePolicy"/>).
/// </summary>
public sealed class HtmlAlternativePolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<HtmlAlternative>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var html = HtmlNegotiation.PrefersHtml(httpContext.Request);
        var alternativeRoutes = new HashSet<string>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && IsAlternative(candidates[i].Endpoint) && RouteOf(candidates[i].Endpoint) is { } route)
                alternativeRoutes.Add(route);
        }
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i)) continue;
            var endpoint = candidates[i].Endpoint;
            // The HTML page only for HTML; the JSON endpoint gives way only to its own alternative.
            var keep = IsAlternative(endpoint) ? html : !(html && RouteOf(endpoint) is { } route && alternativeRoutes.Contains(route));
            if (!keep) candidates.SetValidity(i, false);
        }
        return Task.CompletedTask;
    }

    private static bool IsAlternative(Endpoint endpoint) => endpoint.Metadata.GetMetadata<HtmlAlternative>() is not null;

    private static string? RouteOf(Endpoint endpoint) => (endpoint as RouteEndpoint)?.RoutePattern.RawText?.TrimStart('/');
}
