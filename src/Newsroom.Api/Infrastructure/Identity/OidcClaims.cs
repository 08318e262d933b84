using System.Security.Claims;

namespace Newsroom.Infrastructure.Identity;

/// <summary>
/// The provider's claims under the names Newsroom reads: the configured role, desk, name and publication claims
/// become <c>role</c>, <c>desk</c>, <c>name</c> and <c>publication</c> (ADR 0032). A claim of those names that the configuration does not
/// point at is dropped, so roles come from one place only. <see cref="ClaimsNormalization"/> then splits and
/// lower-cases roles and desks as for any token.
/// </summary>
public static class OidcClaims
{
    public static ClaimsIdentity Map(ClaimsIdentity source, OidcOptions options, string authenticationType)
    {
        var sources = new Dictionary<string, string>
        {
            ["role"] = options.RoleClaim,
            ["desk"] = options.DeskClaim,
            ["name"] = options.NameClaim,
            [Tenancy.Publications.Claim] = options.PublicationClaim
        };
        var claims = source.Claims.Where(c => !sources.ContainsKey(c.Type) && !sources.ContainsValue(c.Type)).ToList();
        foreach (var (type, from) in sources)
        {
            var values = source.FindAll(from).Select(c => c.Value);
            if (type is "name" or Tenancy.Publications.Claim) values = values.Take(1);
            claims.AddRange(values.Select(v => new Claim(type, v)));
        }
        return new ClaimsIdentity(claims, authenticationType, "name", "role");
    }
}
