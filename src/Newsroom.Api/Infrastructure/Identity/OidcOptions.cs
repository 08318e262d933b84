namespace Newsroom.Infrastructure.Identity;

/// <summary>
/// The newsroom's OpenID Connect provider (<c>Auth__Oidc__*</c>, ADR 0032). Off unless <see cref="Authority"/> is set.
/// With it, the API accepts the provider's access tokens (keys from the authority's JWKS, refreshed without a
/// restart) and, with a <see cref="ClientId"/>, the desk offers "Sign in with <see cref="DisplayName"/>".
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The issuer URL; its discovery document is <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Where to read the discovery document when it is not under the authority.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The desk's client at the provider (authorization code with PKCE). Without it the desk offers no provider sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>For a confidential client; a public client (PKCE only) has none.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The <c>aud</c> the provider's access tokens must carry; <c>Auth__Audience</c> when not set.</summary>
    public string? Audience { get; set; }

    public string RoleClaim { get; set; } = "role";
    public string DeskClaim { get; set; } = "desk";
    public string NameClaim { get; set; } = "name";

    /// <summary>Where the service serves several publications, the claim naming the user's (ADR 0033).</summary>
    public string PublicationClaim { get; set; } = "publication";

    /// <summary>Scopes the desk asks for besides <c>openid profile</c>, separated by spaces.</summary>
    public string? Scopes { get; set; }

    /// <summary>The provider's name on the desk's sign-in button.</summary>
    public string DisplayName { get; set; } = "your identity provider";

    /// <summary>Only for a provider on plain HTTP in development and tests; ignored (always true) in Production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public bool DeskSignIn => Enabled && !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<string> ExtraScopes =>
        (Scopes ?? "").Split(' ', ',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
