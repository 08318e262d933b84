using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Newsroom.Infrastructure.Http;

namespace Newsroom.Infrastructure.Identity;

public static class AuthSetup
{
    /// <summary>
    /// JWT bearer: HS256 development tokens (<c>Auth__SigningKey</c>) and, when <c>Auth__Oidc__Authority</c> is set,
    /// the provider's access tokens (keys from its JWKS). Either way signature, issuer, audience and lifetime are
    /// validated, and 401/403 are ProblemDetails. ADR 0032 says which scheme takes which token.
    /// </summary>
    public static IServiceCollection AddNewsroomAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        var oidc = options.Oidc;
        // In Production an identity provider replaces the shared key; without one the key is still required there.
        var schemes = new BearerSchemes(development: !(environment.IsProduction() && oidc.Enabled), provider: oidc.Enabled, options.Issuer);
        services.AddSingleton(schemes);
        services.AddTransient<Microsoft.AspNetCore.Authentication.IClaimsTransformation, ClaimsNormalization>();

        var authentication = services.AddAuthentication(BearerSchemes.Default)
            .AddPolicyScheme(BearerSchemes.Default, "Bearer token", policy => policy.ForwardDefaultSelector = context =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                return schemes.For(header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null);
            });

        if (schemes.DevelopmentTokens)
        {
            // Resolved now, not at the first request, so a missing or short key stops the service at start-up.
            var signingKey = options.SecurityKey(environment.IsProduction());
            authentication.AddJwtBearer(BearerSchemes.Development, jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = Parameters(options.Issuer, options.Audience);
                jwt.TokenValidationParameters.IssuerSigningKey = signingKey;
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                jwt.Events = Answers();
            });
        }

        if (schemes.ProviderTokens)
        {
            authentication.AddJwtBearer(BearerSchemes.Provider, jwt =>
            {
                jwt.Authority = oidc.Authority;
                if (!string.IsNullOrWhiteSpace(oidc.MetadataAddress)) jwt.MetadataAddress = oidc.MetadataAddress;
                jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata || environment.IsProduction();
                jwt.Audience = oidc.Audience ?? options.Audience;
                jwt.MapInboundClaims = false;
                // The issuer and the signing keys come from the discovery document and its JWKS. The configuration
                // manager refetches them every 12 hours, and at once (at most every 5 minutes) when a token names a
                // key it does not know: a key the provider rotates in is accepted without a restart.
                jwt.TokenValidationParameters = Parameters(validIssuer: null, jwt.Audience);
                jwt.Events = Answers();
                jwt.Events.OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                        context.Principal = new System.Security.Claims.ClaimsPrincipal(OidcClaims.Map(identity, oidc, identity.AuthenticationType ?? BearerSchemes.Provider));
                    return Task.CompletedTask;
                };
            });
        }
        services.AddAuthorization();
        return services;
    }

    private static TokenValidationParameters Parameters(string? validIssuer, string audience) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = validIssuer,
        ValidateAudience = true,
        ValidAudience = audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        ValidateIssuerSigningKey = true,
        NameClaimType = "name",
        RoleClaimType = "role"
    };

    private static JwtBearerEvents Answers() => new()
    {
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var detail = context.AuthenticateFailure switch
            {
                SecurityTokenExpiredException => "The token has expired.",
                SecurityTokenInvalidIssuerException => "The token's issuer is not accepted.",
                SecurityTokenInvalidAudienceException => "The token's audience is not accepted.",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
                not null => "The token is not valid.",
                null => "A bearer token is required: Authorization: Bearer <JWT>."
            };
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ProblemDetailsSetup.WriteAsync(context.HttpContext, new Problem(401, ErrorCodes.Unauthenticated, detail));
        },
        OnForbidden = context => ProblemDetailsSetup.WriteAsync(context.HttpContext,
            Problem.Forbidden("Your role does not allow this."))
    };
}
