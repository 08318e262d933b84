using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Newsroom.Infrastructure.Identity;

/// <summary>JWT settings (<c>Auth__SigningKey</c>, <c>Auth__Issuer</c>, <c>Auth__Audience</c>, <c>Auth__Oidc__*</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Used only when no key is configured outside Production. Never valid in Production.</summary>
    public const string DevelopmentSigningKey = "newsroom-development-signing-key-not-for-production-use";

    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "newsroom-dev";
    public string Audience { get; set; } = "newsroom";

    /// <summary>The OpenID Connect provider (<c>Auth__Oidc__*</c>); off when its authority is not set.</summary>
    public OidcOptions Oidc { get; set; } = new();

    public SymmetricSecurityKey SecurityKey(bool isProduction)
    {
        var key = SigningKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (isProduction)
                throw new InvalidOperationException("Auth__SigningKey must be configured in Production.");
            key = DevelopmentSigningKey;
        }
        // The development key is in the source code, so anyone could sign tokens with it: set explicitly (copied
        // from a compose file or a development .env), it must not reach Production either.
        else if (isProduction && key.Trim() == DevelopmentSigningKey)
            throw new InvalidOperationException(
                "Auth__SigningKey is the development key, which is public (it is in Newsroom's source code). Set a secret key of your own in Production.");

        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length < 32)
            throw new InvalidOperationException("Auth__SigningKey must be at least 32 bytes for HS256.");
        return new SymmetricSecurityKey(bytes);
    }
}
