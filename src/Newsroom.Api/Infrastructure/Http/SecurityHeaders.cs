namespace Newsroom.Infrastructure.Http;

/// <summary>
/// Headers every answer carries, set in one place rather than per endpoint, including on errors, 429s and pages
/// served from the output cache: <c>X-Content-Type-Options: nosniff</c> (a JSON or text answer is never
/// sniffed into HTML), <c>Referrer-Policy: strict-origin-when-cross-origin</c>, and a Content-Security-Policy
/// that allows no script at all. Article bodies are sanitized HTML (docs/public-api.md); if markup ever
/// slipped through, or an answer were opened as a page, the browser would still run nothing. The policy is
/// the one for reader pages (stylesheets and images from the site, images also over https and data: URLs),
/// given to every answer so that any HTML the service serves has it; on JSON it costs nothing.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /// <summary>The desk runs its own scripts (served by the service, never inline) and talks back to it.</summary>
    public const string DeskContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>The interactive reference (Scalar, Development only) runs its own inline script: it keeps the other headers.</summary>
    public const string DocsPath = "/docs";

    public static WebApplication UseNewsroomSecurityHeaders(this WebApplication app)
    {
        var docsExempt = app.Environment.IsDevelopment();
        app.Use((http, next) =>
        {
            // Set when the answer starts, whoever writes it (an endpoint, the cache, an error handler).
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                if (http.Request.Path.StartsWithSegments("/desk"))
                    headers.ContentSecurityPolicy = DeskContentSecurityPolicy;
                else if (!(docsExempt && http.Request.Path.StartsWithSegments(DocsPath)))
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
