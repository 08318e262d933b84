using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Newsroom.Infrastructure.Identity;

/// <summary>Signs development tokens (the <c>token</c> command, demo data, tests). Production tokens come from your identity provider.</summary>
public static class TokenIssuer
{
    public static string Issue(AuthOptions options, bool isProduction, string sub, string name,
        IEnumerable<string> roles, IEnumerable<string> desks, TimeSpan? lifetime = null, DateTime? now = null, string? publication = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", sub), new("name", name) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        claims.AddRange(desks.Select(d => new Claim("desk", d)));
        if (publication is not null) claims.Add(new Claim(Tenancy.Publications.Claim, publication));

        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromHours(12)),
            SigningCredentials = new SigningCredentials(options.SecurityKey(isProduction), SecurityAlgorithms.HmacSha256)
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
