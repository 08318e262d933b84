using Microsoft.IdentityModel.JsonWebTokens;

namespace Newsroom.Infrastructure.Identity;

/// <summary>
/// Which bearer scheme validates a token (ADR 0032). <see cref="Default"/> is a policy scheme: a token whose
/// <c>iss</c> is the development issuer (<c>Auth__Issuer</c>) goes to <see cref="Development"/> (HS256), any
/// other to <see cref="Provider"/> (the OpenID Connect authority's keys). The issuer is read before anything is
/// validated, only to choose; the chosen scheme then validates issuer, audience, lifetime and signature.
/// </summary>
public sealed class BearerSchemes(bool development, bool provider, string developmentIssuer)
{
    public const string Default = "Bearer";
    public const string Development = "Bearer.development";
    public const string Provider = "Bearer.provider";

    /// <summary>HS256 tokens signed with <c>Auth__SigningKey</c>: outside Production always; in Production only without an authority.</summary>
    public bool DevelopmentTokens => development;

    public bool ProviderTokens => provider;

    public string For(string? token)
    {
        if (!provider) return Development;
        if (!development) return Provider;
        try
        {
            return new JsonWebToken(token ?? "").Issuer == developmentIssuer ? Development : Provider;
        }
        catch (Exception e) when (e is ArgumentException or Microsoft.IdentityModel.Tokens.SecurityTokenException)
        {
            // Not a JWT: either scheme refuses it the same way.
            return Provider;
        }
    }
}
