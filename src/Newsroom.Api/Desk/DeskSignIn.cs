using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Tenancy;

namespace Newsroom.Desk;

/// <summary>
/// Turns an access token into a desk session: the token is validated exactly as the API validates a bearer token
/// (the same parameters, read from the API's scheme for that token, with the provider's keys for a provider's
/// token), and the session lasts as long as the token would have.
/// </summary>
public sealed class DeskSignIn(IOptionsMonitor<JwtBearerOptions> jwt, BearerSchemes schemes, AuthOptions auth, Publications publications, IHostEnvironment environment)
{
    /// <summary>Null when signed in; otherwise why the token was refused, in words for the person signing in.</summary>
    public async Task<string?> WithTokenAsync(HttpContext http, string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return "Paste an access token.";
        var scheme = schemes.For(token.Trim());
        var options = jwt.Get(scheme);
        var parameters = options.TokenValidationParameters.Clone();
        // As JwtBearerHandler does: the provider's issuer and keys come from its (cached, refreshed) metadata.
        if (options.ConfigurationManager is Microsoft.IdentityModel.Tokens.BaseConfigurationManager metadata)
            parameters.ConfigurationManager = metadata;
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token.Trim(), parameters);
        if (!result.IsValid)
            return result.Exception is Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException
                ? "That token has expired. Ask for a new one."
                : "That token is not valid here.";

        var expires = result.SecurityToken.ValidTo is var to && to > DateTime.UnixEpoch ? new DateTimeOffset(to, TimeSpan.Zero) : (DateTimeOffset?)null;
        var identity = scheme == BearerSchemes.Provider ? OidcClaims.Map(result.ClaimsIdentity, auth.Oidc, scheme) : result.ClaimsIdentity;
        if (publications.RefusalFor(new ClaimsPrincipal(identity)) is not null)
            return "That token names no publication served here.";
        await SignInAsync(http, identity.Claims, expires);
        return null;
    }

    /// <summary>Development only: a demo user's session, as if they had pasted their development token.</summary>
    public Task<string?> AsDemoUserAsync(HttpContext http, string id, string? publication = null)
    {
        var user = Demo.DemoData.Users.FirstOrDefault(u => u.Id == id);
        if (!environment.IsDevelopment() || user is null) return Task.FromResult<string?>("No such demo user.");
        if (publications.Several && (publication is null || !publications.All.ContainsKey(publication)))
            return Task.FromResult<string?>("No such publication.");
        var token = TokenIssuer.Issue(auth, false, user.Id, user.Name, user.Roles.ToArray(), user.Desks.ToArray(),
            publication: publications.Several ? publication : null);
        return WithTokenAsync(http, token);
    }

    private static Task SignInAsync(HttpContext http, IEnumerable<Claim> claims, DateTimeOffset? expires) =>
        http.SignInAsync(DeskModule.Scheme, SessionPrincipal(claims),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = expires ?? DateTimeOffset.UtcNow.AddHours(8) });

    /// <summary>Only what the desk needs to know who this is; claims normalization runs on every request as for the API.</summary>
    public static ClaimsPrincipal SessionPrincipal(IEnumerable<Claim> claims) =>
        new(new ClaimsIdentity(claims.Where(c => c.Type is "sub" or "name" or "role" or "desk" or Publications.Claim).Select(c => new Claim(c.Type, c.Value)),
            DeskModule.Scheme, "name", "role"));
}
