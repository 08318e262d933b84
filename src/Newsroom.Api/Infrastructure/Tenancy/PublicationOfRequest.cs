namespace Newsroom.Infrastructure.Tenancy;

/// <summary>The request's publication, worked out once per request (after authentication) and kept on it.</summary>
public static class PublicationOfRequest
{
    private static readonly object Key = new();

    public static string Get(HttpContext http, Publications publications)
    {
        if (http.Items.TryGetValue(Key, out var known) && known is string id) return id;
        id = publications.Of(http);
        http.Items[Key] = id;
        return id;
    }

    /// <summary>Null with one publication; else the request's (throws <see cref="PublicationUnknown"/> when it has none).</summary>
    public static string? Find(HttpContext http) =>
        http.RequestServices.GetRequiredService<Publications>() is { Several: true } publications ? Get(http, publications) : null;

    /// <summary>Like <see cref="Find"/>, but null (not an exception) for a request of no publication served here.</summary>
    public static string? TryFind(HttpContext http)
    {
        try { return Find(http); }
        catch (PublicationUnknown) { return null; }
    }

    /// <summary>
    /// Refuses, before any endpoint runs, a bearer token that names no publication served here (401), as the API
    /// contract says. The desk's cookie sessions were checked when they were made.
    /// </summary>
    public static IApplicationBuilder UsePublications(this IApplicationBuilder app)
    {
        // The single-database service has nothing to check: no middleware at all on its requests.
        var publications = app.ApplicationServices.GetRequiredService<Publications>();
        if (!publications.Several) return app;
        return app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && publications.RefusalFor(http.User) is { } refusal)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await Http.ProblemDetailsSetup.WriteAsync(http, new Http.Problem(StatusCodes.Status401Unauthorized, Http.ErrorCodes.Unauthenticated, refusal));
                return;
            }
            await next(http);
        });
    }
}
