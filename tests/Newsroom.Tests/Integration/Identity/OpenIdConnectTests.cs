using System.Net;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.IdentityModel.JsonWebTokens;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Tests.Integration.Identity;

/// <summary>
/// Newsroom with an OpenID Connect provider (TestOidcProvider: OpenIddict on a loopback port) and a database of its
/// own. The provider writes roles under <c>groups</c> and desks under <c>newsroom_desks</c>, which the settings map.
/// </summary>
public sealed class OidcHost : IAsyncLifetime
{
    public TestOidcProvider Provider { get; private set; } = null!;
    public IAlbaHost Host { get; private set; } = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
        var connectionString = await OwnDatabase.CreateAsync("oidc");
        Host = await AppFixture.StartHostAsync(_receiver, b =>
        {
            b.UseSetting("ConnectionStrings:Newsroom", connectionString);
            foreach (var (key, value) in Settings(Provider)) b.UseSetting(key, value);
        });
    }

    public static Dictionary<string, string> Settings(TestOidcProvider provider) => new()
    {
        ["Auth:Oidc:Authority"] = provider.Issuer.ToString(),
        ["Auth:Oidc:ClientId"] = TestOidcProvider.DeskClientId,
        ["Auth:Oidc:Audience"] = TestOidcProvider.Audience,
        ["Auth:Oidc:RoleClaim"] = TestOidcProvider.RoleClaim,
        ["Auth:Oidc:DeskClaim"] = TestOidcProvider.DeskClaim,
        ["Auth:Oidc:Scopes"] = "newsroom",
        ["Auth:Oidc:DisplayName"] = "Test ID",
        // The test provider speaks plain HTTP on loopback.
        ["Auth:Oidc:RequireHttpsMetadata"] = "false"
    };

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _receiver.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public class accepting_the_identity_providers_tokens(OidcHost oidc) : IClassFixture<OidcHost>
{
    private readonly Api _api = new(oidc.Host);

    private Task<Reply> Send(HttpMethod method, string url, string token, object? json = null) =>
        _api.Send(method, url, json: json, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

    [Fact]
    public async Task an_editor_from_the_provider_creates_a_draft_as_themselves()
    {
        var token = await oidc.Provider.AccessTokenAsync(Users.Alice);
        new JsonWebToken(token).Issuer.ShouldBe(oidc.Provider.Issuer.ToString());

        var created = await Send(HttpMethod.Post, "/api/articles", token, Api.CompleteDraft(desk: "world"));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        created.Json["createdBy"]!.GetValue<string>().ShouldBe(Users.Alice.Id);

        // Roles came as "EDITOR" under "groups" and the desk under "newsroom_desks": mapped and normalized.
        var me = CurrentUser.From(await PrincipalFor(token));
        me.ShouldBe(new CurrentUser("alice", "Alice Editor", new HashSet<string> { "editor" }, new HashSet<string> { "world" }),
            new CurrentUserComparer());
    }

    [Fact]
    public async Task desks_come_from_the_configured_claim()
    {
        // Alice's desk is world: an article on politics is outside it.
        var token = await oidc.Provider.AccessTokenAsync(Users.Alice);
        (await Send(HttpMethod.Post, "/api/articles", token, Api.CompleteDraft(desk: "politics")))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task a_person_without_a_role_at_the_provider_is_forbidden()
    {
        var token = await oidc.Provider.AccessTokenAsync(Users.Nobody);
        (await Send(HttpMethod.Get, "/api/articles", token)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task a_token_for_another_audience_is_401()
    {
        var token = await oidc.Provider.AccessTokenAsync(Users.Alice, audience: "another-api");
        var reply = (await Send(HttpMethod.Get, "/api/articles", token)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        reply.Json["detail"]!.GetValue<string>().ShouldContain("audience");
    }

    [Fact]
    public async Task an_expired_token_of_the_provider_is_401()
    {
        var token = oidc.Provider.SignedByProvider(Users.Alice, expires: DateTime.UtcNow.AddMinutes(-5));
        var reply = (await Send(HttpMethod.Get, "/api/articles", token)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        reply.Json["detail"]!.GetValue<string>().ShouldContain("expired");
    }

    [Fact]
    public async Task a_token_from_another_provider_is_401()
    {
        await using var other = await TestOidcProvider.StartAsync();
        var token = await other.AccessTokenAsync(Users.Alice);
        var reply = (await Send(HttpMethod.Get, "/api/articles", token)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        reply.Json["detail"]!.GetValue<string>().ShouldContain("issuer");
    }

    [Fact]
    public async Task development_tokens_still_work_outside_production()
    {
        (await _api.Post("/api/articles", Users.Alice, Api.CompleteDraft())).Status.ShouldBe(HttpStatusCode.Created);
        (await _api.Get("/api/articles", null)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task a_signing_key_rotated_in_at_the_provider_is_accepted_without_a_restart()
    {
        // Newsroom has the provider's keys cached from an earlier token.
        (await Send(HttpMethod.Get, "/api/articles", await oidc.Provider.AccessTokenAsync(Users.Paul))).Status.ShouldBe(HttpStatusCode.OK);

        var kid = oidc.Provider.RotateSigningKey();
        (await oidc.Provider.PublishedKeyIdsAsync()).First().ShouldBe(kid);
        var token = await oidc.Provider.AccessTokenAsync(Users.Paul);
        new JsonWebToken(token).Kid.ShouldBe(kid);

        // A key Newsroom does not know makes it fetch the JWKS again (at once the first time, then at most every 5
        // minutes). Microsoft.IdentityModel 8 fetches in the background: the request that reveals the new key is
        // refused (401, signature), the next ones are accepted, all on the same host: no restart.
        var reply = await Eventually.Get(() => Send(HttpMethod.Get, "/api/articles", token),
            r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(5), "a token signed with the rotated key accepted");
        reply.Json["items"].ShouldNotBeNull();
    }

    [Fact]
    public async Task the_desk_signs_in_with_the_provider_using_the_code_flow_with_pkce()
    {
        oidc.Provider.NextSignIn = Users.Rita;
        var desk = new CookieClient(oidc.Host.Server.CreateClient());

        // The sign-in screen offers the provider; its link challenges the desk's OpenID Connect scheme.
        var screen = await desk.GetAsync("/desk/sign-in");
        var html = await screen.Content.ReadAsStringAsync();
        html.ShouldContain("Sign in with Test ID");
        var link = WebUtility.HtmlDecode(Regex.Match(html, "href=\"(/desk/sign-in\\?[^\"]*handler=Provider[^\"]*)\"").Groups[1].Value);
        var challenge = await desk.GetAsync(link);
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect, link);
        var authorize = challenge.Headers.Location!;
        authorize.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(oidc.Provider.Issuer, "connect/authorize").ToString());
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        query["response_type"].ShouldBe("code");
        query["client_id"].ShouldBe(TestOidcProvider.DeskClientId);
        query["code_challenge_method"].ShouldBe("S256");
        query["code_challenge"].ShouldNotBeNullOrWhiteSpace();
        query["scope"]!.Split(' ').ShouldBe(["openid", "profile", "newsroom"], ignoreOrder: true);

        // The provider (a real one, over HTTP) signs Rita in and sends the browser back with a code.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browser.GetAsync(authorize);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect, await back.Content.ReadAsStringAsync());
        var callback = back.Headers.Location!;
        callback.AbsolutePath.ShouldBe("/desk/signin-oidc");

        // The desk redeems the code (with the PKCE verifier: OpenIddict refuses it otherwise) and opens a session.
        var session = await desk.GetAsync(callback.PathAndQuery);
        session.StatusCode.ShouldBe(HttpStatusCode.Redirect, await session.Content.ReadAsStringAsync());
        session.Headers.Location!.ToString().ShouldBe("/desk");
        desk.Has(Newsroom.Desk.DeskModule.CookieName).ShouldBeTrue();

        var board = await desk.GetAsync("/desk");
        board.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await board.Content.ReadAsStringAsync()).ShouldContain("Rita Reviewer");
    }

    [Fact]
    public async Task a_code_redeemed_without_its_verifier_is_refused_by_the_provider()
    {
        // PKCE is enforced at the provider: the same kind of code, redeemed without code_verifier, is refused.
        oidc.Provider.NextSignIn = Users.Rita;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = oidc.Provider.Issuer };
        var challenge = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("a-verifier-of-enough-length-0123456789abcdef"u8))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var back = await browser.GetAsync("connect/authorize?response_type=code&client_id=newsroom-desk&scope=openid"
            + "&redirect_uri=http%3A%2F%2Flocalhost%2Fdesk%2Fsignin-oidc&code_challenge_method=S256&code_challenge=" + challenge + "&state=s&nonce=n");
        var code = System.Web.HttpUtility.ParseQueryString(back.Headers.Location!.Query)["code"]!;
        var token = await browser.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = TestOidcProvider.DeskClientId, ["code"] = code,
            ["redirect_uri"] = "http://localhost/desk/signin-oidc"
        }));
        token.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await token.Content.ReadAsStringAsync()).ShouldContain("code_verifier");
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalFor(string token)
    {
        using var scope = oidc.Host.Services.CreateScope();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Headers.Authorization = "Bearer " + token;
        var result = await http.AuthenticateAsync(BearerSchemes.Default);
        result.Succeeded.ShouldBeTrue(result.Failure?.Message);
        return result.Principal!;
    }

    private sealed class CurrentUserComparer : IEqualityComparer<CurrentUser>
    {
        public bool Equals(CurrentUser? a, CurrentUser? b) => a!.Id == b!.Id && a.Name == b.Name
            && a.Roles.SetEquals(b.Roles) && a.Desks.SetEquals(b.Desks);
        public int GetHashCode(CurrentUser user) => user.Id.GetHashCode();
    }
}

/// <summary>An HttpClient on the in-memory host that keeps cookies as a browser would (ignoring paths: one site).</summary>
internal sealed class CookieClient(HttpClient http)
{
    private readonly Dictionary<string, string> _cookies = new();

    public bool Has(string name) => _cookies.ContainsKey(name);

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
            else _cookies[name] = value;
        }
        return response;
    }
}

/// <summary>Which bearer schemes exist, by environment (no host: the registrations themselves).</summary>
public class choosing_the_bearer_scheme
{
    private static async Task<string[]> Schemes(string environment, bool authority, string? signingKey = null)
    {
        var settings = new Dictionary<string, string?> { ["Auth:SigningKey"] = signingKey };
        if (authority) settings["Auth:Oidc:Authority"] = "https://id.example/";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddNewsroomAuth(configuration, new HostingEnvironment { EnvironmentName = environment });
        var provider = services.BuildServiceProvider();
        return (await provider.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync()).Select(s => s.Name).Order().ToArray();
    }

    [Fact]
    public async Task outside_production_both_the_development_key_and_the_provider()
    {
        (await Schemes("Development", authority: true)).ShouldBe(["Bearer", "Bearer.development", "Bearer.provider"]);
        (await Schemes("Staging", authority: false)).ShouldBe(["Bearer", "Bearer.development"]);
    }

    [Fact]
    public async Task in_production_the_provider_replaces_the_shared_key()
    {
        // No Auth__SigningKey needed, and none accepted.
        (await Schemes("Production", authority: true)).ShouldBe(["Bearer", "Bearer.provider"]);
        (await Schemes("Production", authority: false, signingKey: "a-production-key-of-at-least-32-bytes!!")).ShouldBe(["Bearer", "Bearer.development"]);
        await Should.ThrowAsync<InvalidOperationException>(() => Schemes("Production", authority: false));
    }

    [Theory]
    [InlineData("newsroom-dev", BearerSchemes.Development)]
    [InlineData("https://id.example/", BearerSchemes.Provider)]
    [InlineData(null, BearerSchemes.Provider)]
    public void a_token_goes_to_the_scheme_of_its_issuer(string? issuer, string scheme)
    {
        var token = issuer is null ? "not.a.jwt" : new JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor { Issuer = issuer });
        new BearerSchemes(development: true, provider: true, "newsroom-dev").For(token).ShouldBe(scheme);
        new BearerSchemes(development: false, provider: true, "newsroom-dev").For(token).ShouldBe(BearerSchemes.Provider);
    }
}
