using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Newsroom.Infrastructure.Identity;

/// <summary>
/// Token issuers differ in how they write multi-valued claims: repeated, as a JSON array (the JWT handler
/// already splits those), or comma-separated, and in letter case. This rewrites <c>role</c> and <c>desk</c>
/// into one lowercase claim per value, so <c>[Authorize(Roles=...)]</c> and <see cref="CurrentUser"/> read
/// the same thing.
/// </summary>
public sealed class ClaimsNormalization : IClaimsTransformation
{
    private static readonly string[] MultiValued = ["role", "desk"];

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || identity.HasClaim("newsroom:normalized", "1"))
            return Task.FromResult(principal);

        foreach (var type in MultiValued)
        {
            var claims = identity.FindAll(type).ToList();
            var values = claims
                .SelectMany(c => c.Value.TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Select(v => v.Trim().Trim('"').ToLowerInvariant())
                .Where(v => v.Length > 0)
                .Distinct()
                .ToList();
            foreach (var claim in claims) identity.RemoveClaim(claim);
            identity.AddClaims(values.Select(v => new Claim(type, v)));
        }
        identity.AddClaim(new Claim("newsroom:normalized", "1"));
        return Task.FromResult(principal);
    }
}
