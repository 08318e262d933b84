using Marten;

namespace Newsroom.Desk;

/// <summary>
/// The desk: the editorial web interface, server-rendered Razor Pages under <c>/desk</c> in the same process as
/// the API (ADR 0029). People sign in with an access token once and then carry an HTTP-only session cookie; the
/// cookie authenticates desk pages only, never the API, so a cross-site form can never drive an API command.
/// </summary>
public static class DeskModule
{
    public const string Scheme = "desk";
    public const string Policy = "desk";
    public const string CookieName = "newsroom.desk";

    public static IServiceCollection AddDesk(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(new DeskOptions(
            TokenSignIn: configuration.GetValue("Desk:TokenSignIn", true),
            DemoUsers: environment.IsDevelopment(),
            Provider: (configuration.GetSection("Auth").Get<Infrastructure.Identity.AuthOptions>()?.Oidc is { DeskSignIn: true } oidc) ? oidc.DisplayName : null));
        services.AddDeskProviderSignIn(configuration, environment);
        services.AddScoped<DeskSignIn>();
        services.AddSingleton<DeskChanges>();
        services.AddHostedService(provider => provider.GetRequiredService<DeskChanges>());
        services.ConfigureMarten((provider, options) =>
        {
            options.Listeners.Add(new DeskChangeSignal(provider.GetRequiredService<DeskChanges>()));
            options.Schema.For<InboxReadMark>();
            options.Schema.For<EditingPresence>().Index(p => p.ArticleId);
        });

        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.Cookie.Path = "/desk";
            cookie.LoginPath = "/desk/sign-in";
            cookie.LogoutPath = "/desk/sign-out";
            cookie.AccessDeniedPath = "/desk/forbidden";
            cookie.SlidingExpiration = false;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser());

        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Desk/Pages";
            pages.Conventions.AuthorizeFolder("/", Policy);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            // A new article is the edit screen with no article yet.
            pages.Conventions.AddPageRoute("/Edit", "desk/new");
        });
        return services;
    }

    public static WebApplication MapDesk(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
        // The audit export as a file download: the same rows and quoting as the API's CSV export.
        app.MapGet("/desk/audit/export.csv", (HttpContext http, Marten.IQuerySession session) =>
            !Infrastructure.Identity.CurrentUser.From(http.User).Has(Infrastructure.Identity.Roles.Auditor)
                ? Results.Forbid()
                : new Audit.AuditExport("csv", async (after, ct) =>
                    await Marten.QueryableExtensions.ToListAsync(AuditFilters.Parse(http.Request.Query).Query(session, after)
                        .OrderBy(e => e.Seq).Take(1000), ct)))
            .RequireAuthorization(Policy)
            .ExcludeFromDescription();
        // An edit page says it is still open; the live preview renders Markdown exactly as the public page does.
        app.MapPost("/desk/presence/{id:guid}", async (Guid id, HttpContext http, IDocumentSession session, DeskChanges changes, TimeProvider clock) =>
        {
            var user = Infrastructure.Identity.CurrentUser.From(http.User);
            var article = await session.LoadAsync<Articles.Article>(id, http.RequestAborted);
            if (article is null || !user.CanSee(article.Desk)) return Results.NotFound();
            await Presence.EditingAsync(session, changes, id, user, clock.GetUtcNow(), http.RequestAborted);
            return Results.NoContent();
        }).RequireAuthorization(Policy).ExcludeFromDescription();
        app.MapPost("/desk/preview", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            return Results.Content(Public.Rendering.ArticleHtml.Render(await reader.ReadToEndAsync(http.RequestAborted)), "text/html; charset=utf-8");
        }).RequireAuthorization(Policy).ExcludeFromDescription();
        app.MapGet("/desk/live", LiveAsync).RequireAuthorization(Policy).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Server-sent events: <c>changed</c> with the ids of articles that changed (or <c>*</c>), and a comment every 20 s.
    /// The stream ends when the node starts to stop (ADR 0031): an open desk would otherwise hold a graceful stop
    /// until the host's shutdown timeout. The browser's EventSource reconnects, through the load balancer, to a node
    /// that is not stopping.
    /// </summary>
    private static async Task LiveAsync(HttpContext http, DeskChanges changes, IHostApplicationLifetime lifetime)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        // The page's publication, as its sessions see it (Marten's default tenant with one publication).
        using var subscription = changes.Subscribe(Infrastructure.Tenancy.Publications.TenantOf(Infrastructure.Tenancy.PublicationOfRequest.Find(http)));
        using var open = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = open.Token;
        try
        {
            await http.Response.WriteAsync(": live\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(TimeSpan.FromSeconds(20));
                string? payload = null;
                try { payload = await subscription.Reader.ReadAsync(wait.Token); }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
                if (ct.IsCancellationRequested) break;
                // A keep-alive comment when quiet, so proxies do not close the stream.
                var message = payload is null ? ": keep-alive\n\n" : $"event: changed\ndata: {payload.Replace("\n", ",")}\n\n";
                await http.Response.WriteAsync(message, ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) { }
    }
}

/// <summary>
/// <c>Desk__TokenSignIn</c> (default true) offers the access-token form; demo users are offered in Development only;
/// <see cref="Provider"/> names the OpenID Connect provider of "Sign in with …" (<c>Auth__Oidc__*</c>), if any.
/// </summary>
public sealed record DeskOptions(bool TokenSignIn, bool DemoUsers, string? Provider = null);
