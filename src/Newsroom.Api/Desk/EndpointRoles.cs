using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>
/// The roles an API endpoint admits, read from its own <c>[Authorize]</c>: the desk shows a control only to
/// those the API would let through, without keeping a list of its own.
/// </summary>
public sealed class EndpointRoles
{
    private readonly IReadOnlyList<string> _roles;

    private EndpointRoles(MethodInfo endpoint) =>
        _roles = (endpoint.GetCustomAttribute<AuthorizeAttribute>()?.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static EndpointRoles Of(MethodInfo endpoint) => new(endpoint);

    public static EndpointRoles Of(Type endpoint, string method) =>
        new(endpoint.GetMethod(method) ?? throw new InvalidOperationException($"{endpoint.Name} has no {method}."));

    public bool Admit(CurrentUser user) => _roles.Count == 0 || _roles.Any(user.Roles.Contains);
}
