using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Newsroom.Infrastructure.Http;

namespace Newsroom.Infrastructure.Identity;

public static class AuthSetup
{
    /// <summary>JWT bearer (HS256): signature, issuer, audience and lifetime validated; 401/403 as ProblemDetails.</summary>
    public static IServiceCollection AddNewsroomAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        // Resolved now, not at the first request, so a missing or short key stops the service at start-up.
        var signingKey = options.SecurityKey(environment.IsProduction());
        services.AddTransient<Microsoft.AspNetCore.Authentication.IClaimsTransformation, ClaimsNormalization>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = signingKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "name",
                    RoleClaimType = "role"
                };
                jwt.Events = new JwtBearerEvents
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
            });
        services.AddAuthorization();
        return services;
    }
}
