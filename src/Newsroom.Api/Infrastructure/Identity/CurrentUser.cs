using System.Security.Claims;
using Newsroom.Articles;

namespace Newsroom.Infrastructure.Identity;

/// <summary>The caller, as the bearer token describes them. Built once per request from the claims.</summary>
public sealed record CurrentUser(string Id, string Name, IReadOnlySet<string> Roles, IReadOnlySet<string> Desks)
{
    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);

    public bool Has(string role) => IsAdmin || Roles.Contains(role);

    /// <summary>Publishers, auditors and admins see every desk; editors and reviewers only their own.</summary>
    public bool SeesAllDesks =>
        IsAdmin || Roles.Contains(Identity.Roles.Publisher) || Roles.Contains(Identity.Roles.Auditor);

    public bool CanSee(string desk) => SeesAllDesks || Desks.Contains(desk);

    /// <summary>Editor and reviewer actions need membership of the article's desk (admins act everywhere).</summary>
    public bool WorksOn(string desk) => IsAdmin || Desks.Contains(desk);

    public Actor AsActor => new(Id, Name);

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue("sub") ?? "";
        var name = principal.FindFirstValue("name") ?? id;
        return new CurrentUser(id, name, ClaimValues(principal, "role"), ClaimValues(principal, "desk"));
    }

    // ClaimsNormalization has already made these one lowercase claim per value.
    private static HashSet<string> ClaimValues(ClaimsPrincipal principal, string type) =>
        principal.FindAll(type).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}
