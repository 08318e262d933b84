using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>
/// "Sign in with …": the OpenID Connect authorization code flow with PKCE against <c>Auth__Oidc__Authority</c>
/// (ADR 0032). The ID token's claims go through the same mapping as the provider's access tokens and become a
/// desk session (the cookie scheme <see cref="DeskModule.Scheme"/>); no provider token is kept.
/// </summary>
public static class DeskProviderSignIn
{
    public const string Scheme = "desk.oidc";
    public const string CallbackPath = "/desk/signin-oidc";
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    public static void AddDeskProviderSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var oidc = (configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions()).Oidc;
        if (!oidc.DeskSignIn) return;

        services.AddAuthentication().AddOpenIdConnect(Scheme, oidc.DisplayName, options =>
        {
            options.SignInScheme = DeskModule.Scheme;
            options.Authority = oidc.Authority;
            if (!string.IsNullOrWhiteSpace(oidc.MetadataAddress)) options.MetadataAddress = oidc.MetadataAddress;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata || environment.IsProduction();
            options.ClientId = oidc.ClientId;
            if (!string.IsNullOrWhiteSpace(oidc.ClientSecret)) options.ClientSecret = oidc.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // The code comes back in the query string of a top-level GET, so the correlation and nonce cookies can
            // be SameSite=Lax like the session cookie (form_post would need SameSite=None).
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CallbackPath = CallbackPath;
            // The handler's other paths under /desk too (by default they are at the root of the site).
            options.SignedOutCallbackPath = "/desk/signout-callback-oidc";
            options.RemoteSignOutPath = "/desk/signout-oidc";
            options.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile" }.Concat(oidc.ExtraScopes).Distinct()) options.Scope.Add(scope);
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = "role";
            var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = secure;
            }
            options.Events = new OpenIdConnectEvents
            {
                OnTicketReceived = context =>
                {
                    if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                        context.Principal = DeskSignIn.SessionPrincipal(OidcClaims.Map(identity, oidc, Scheme).Claims);
                    context.Properties ??= new AuthenticationProperties();
                    context.Properties.IsPersistent = false;
                    context.Properties.ExpiresUtc = DateTimeOffset.UtcNow + SessionLength;
                    return Task.CompletedTask;
                },
                // Refused or cancelled at the provider, or a stale callback: back to the sign-in screen with a sentence.
                OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/desk/sign-in?failed=provider");
                    context.HandleResponse();
                    return Task.CompletedTask;
                }
            };
        });
    }
}
