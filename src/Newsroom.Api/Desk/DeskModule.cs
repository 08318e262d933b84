using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

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
            DemoUsers: environment.IsDevelopment()));
        services.AddScoped<DeskSignIn>();

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
                : new Audit.GetAuditEndpoint.AuditExport("csv", async (after, ct) =>
                    await Marten.QueryableExtensions.ToListAsync(AuditFilters.Parse(http.Request.Query).Query(session, after)
                        .OrderBy(e => e.Seq).Take(1000), ct)))
            .RequireAuthorization(Policy)
            .ExcludeFromDescription();
        return app;
    }
}

/// <summary><c>Desk__TokenSignIn</c> (default true) offers the access-token form; demo users are offered in Development only.</summary>
public sealed record DeskOptions(bool TokenSignIn, bool DemoUsers);
