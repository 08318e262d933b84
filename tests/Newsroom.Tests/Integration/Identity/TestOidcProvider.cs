using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Newsroom.Tests.Integration.Identity;

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server on a loopback Kestrel port, in degraded
/// mode (no database: its event handlers below decide who signs in and which clients exist), with ephemeral keys
/// and JWT access tokens. It writes roles and desks under claim names of its own (<see cref="RoleClaim"/>,
/// <see cref="DeskClaim"/>), as real providers do, so Newsroom's claim mapping is exercised.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    /// <summary>The desk's client: public, authorization code with PKCE.</summary>
    public const string DeskClientId = "newsroom-desk";
    /// <summary>The tests' client for API tokens (the password grant, password-less: the user name is enough).</summary>
    public const string TestsClientId = "newsroom-tests";
    public const string Audience = "newsroom-api";
    public const string RoleClaim = "groups";
    public const string DeskClaim = "newsroom_desks";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _authorizationRequests = new();

    private TestOidcProvider(WebApplication app) => _app = app;

    public Uri Issuer { get; private set; } = null!;

    /// <summary>Who the authorization endpoint signs in, without a login screen (a test sets it before a desk sign-in).</summary>
    public TestUser? NextSignIn { get; set; }

    /// <summary>The query strings of the authorization requests received, in order.</summary>
    public IReadOnlyCollection<string> AuthorizationRequests => _authorizationRequests;

    public static async Task<TestOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        TestOidcProvider? self = null;
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.EnableDegradedMode();
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            server.AllowAuthorizationCodeFlow().AllowPasswordFlow();
            server.RequireProofKeyForCodeExchange();
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.DisableAccessTokenEncryption();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, "newsroom");
            server.UseAspNetCore().DisableTransportSecurityRequirement();

            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != DeskClientId)
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                else if (context.RedirectUri is not { } uri || !uri.EndsWith("/desk/signin-oidc", StringComparison.Ordinal))
                    context.Reject(Errors.InvalidRequest, "Unknown redirect_uri.");
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId is not (DeskClientId or TestsClientId))
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                self!._authorizationRequests.Enqueue(context.Transaction.GetHttpRequest()!.QueryString.Value ?? "");
                if (self.NextSignIn is not { } user)
                {
                    context.Reject(Errors.AccessDenied, "No test user is signing in.");
                    return default;
                }
                context.SignIn(Principal(user, context.Request.GetScopes(), Audience));
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.IsAuthorizationCodeGrantType())
                    context.SignIn(context.AuthorizationCodePrincipal!);
                else if (context.Request.IsPasswordGrantType() && self!.Users.TryGetValue(context.Request.Username ?? "", out var user))
                    context.SignIn(Principal(user, context.Request.GetScopes(), (string?)context.Request["test_audience"] ?? Audience));
                else
                    context.Reject(Errors.InvalidGrant, "Unknown user.");
                return default;
            }));
        });

        var app = builder.Build();
        app.UseAuthentication();
        self = new TestOidcProvider(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self.Issuer = new Uri(address.TrimEnd('/') + "/");
        return self;
    }

    /// <summary>The people the provider knows, by user name (its <c>sub</c>).</summary>
    public ConcurrentDictionary<string, TestUser> Users { get; } = new(
        new[] { Integration.Users.Alice, Integration.Users.Rita, Integration.Users.Paul, Integration.Users.Nobody }.ToDictionary(u => u.Id));

    private static ClaimsPrincipal Principal(TestUser user, IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, RoleClaim);
        identity.AddClaim(new Claim(Claims.Subject, user.Id));
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        // Roles in upper case, as some providers' groups are: Newsroom lower-cases them (ADR 0009).
        foreach (var role in user.Roles) identity.AddClaim(new Claim(RoleClaim, role.ToUpperInvariant()));
        foreach (var desk in user.Desks) identity.AddClaim(new Claim(DeskClaim, desk));
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(audience);
        principal.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return principal;
    }

    /// <summary>An access token for <paramref name="user"/> from the token endpoint (a JWT signed with the provider's current key).</summary>
    public async Task<string> AccessTokenAsync(TestUser user, string? audience = null)
    {
        using var http = new HttpClient { BaseAddress = Issuer };
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = GrantTypes.Password, ["client_id"] = TestsClientId,
            ["username"] = user.Id, ["password"] = "-", ["scope"] = "openid newsroom"
        };
        if (audience is not null) form["test_audience"] = audience;
        var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private OpenIddictServerOptions Options => _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;

    /// <summary>
    /// Signs with the provider's current key whatever the token endpoint would not issue (an expired token).
    /// </summary>
    public string SignedByProvider(TestUser user, DateTime expires)
    {
        var credentials = Options.SigningCredentials.First(c => c.Key is AsymmetricSecurityKey);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer.ToString(),
            Audience = Audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = user.Id, ["name"] = user.Name, [RoleClaim] = user.Roles, [DeskClaim] = user.Desks },
            SigningCredentials = credentials
        });
    }

    /// <summary>
    /// A new signing key, at runtime: the provider signs with it from now on and publishes it in its JWKS first,
    /// the old one after it (still published, as a provider does while tokens signed with it may be in use).
    /// </summary>
    public string RotateSigningKey()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rotated-" + Guid.NewGuid().ToString("N")[..8] };
        Options.SigningCredentials.Insert(0, new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        return key.KeyId;
    }

    /// <summary>The key ids the provider publishes now.</summary>
    public async Task<string[]> PublishedKeyIdsAsync()
    {
        using var http = new HttpClient { BaseAddress = Issuer };
        var discovery = await http.GetFromJsonAsync<JsonElement>(".well-known/openid-configuration");
        var jwks = await http.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
