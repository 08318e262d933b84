using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newsroom.Tests.Integration;
using Newsroom.Tests.Integration.Identity;

namespace Newsroom.Tests.Desk;

/// <summary>
/// "Sign in with …" in a real browser: Newsroom on a real port with an OpenID Connect provider (OpenIddict, on
/// another loopback port), and Chromium going from the desk to the provider and back.
/// </summary>
public class signing_in_to_the_desk_with_the_identity_provider : IAsyncLifetime
{
    private TestOidcProvider _provider = null!;
    private WebApplicationFactory<Program> _desk = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Uri _baseUrl = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        var connectionString = await OwnDatabase.CreateAsync("desk_oidc");
        JasperFxEnvironment.AutoStartHost = true;
        _desk = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Newsroom", connectionString);
            b.UseSetting("Newsroom:DemoData", "false");
            b.UseSetting("RateLimiting:PermitsPerMinute", "0");
            foreach (var (key, value) in OidcHost.Settings(_provider)) b.UseSetting(key, value);
            b.UseUrls("http://127.0.0.1:0");
        });
        _desk.UseKestrel();
        _desk.StartServer();
        var address = _desk.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseUrl = new Uri(address);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DeskFixture.ChromiumPath,
            Headless = true,
            Args = ["--disable-background-networking", "--disable-component-update"]
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_desk is not null) await _desk.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
    }

    [Fact]
    public async Task a_reviewer_goes_to_the_provider_and_lands_on_the_board_signed_in()
    {
        _provider.NextSignIn = Users.Rita;
        var page = await (await _browser.NewContextAsync(new() { BaseURL = _baseUrl.ToString() })).NewPageAsync();
        await page.GotoAsync("/desk/review");
        page.Url.ShouldContain("/desk/sign-in");

        var seen = new List<string>();
        page.Request += (_, request) => { if (request.IsNavigationRequest) seen.Add(request.Url); };
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test ID" }).ClickAsync();
        await page.WaitForURLAsync("**/desk/review");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review queue", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Rita Reviewer")).ToBeVisibleAsync();
        // Through the provider's authorization endpoint, with a PKCE challenge, and back through the desk's callback.
        seen.ShouldContain(url => url.StartsWith(new Uri(_provider.Issuer, "connect/authorize").ToString()) && url.Contains("code_challenge_method=S256"));
        seen.ShouldContain(url => url.Contains("/desk/signin-oidc?code="));
    }

    [Fact]
    public async Task a_refusal_at_the_provider_comes_back_as_a_sentence_on_the_sign_in_screen()
    {
        _provider.NextSignIn = null;
        var page = await (await _browser.NewContextAsync(new() { BaseURL = _baseUrl.ToString() })).NewPageAsync();
        await page.GotoAsync("/desk/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test ID" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Signing in with Test ID did not succeed");
        page.Url.ShouldContain("/desk/sign-in");
        await DeskFixture.NoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task an_access_token_of_the_provider_pasted_in_the_token_form_opens_a_session_too()
    {
        var page = await (await _browser.NewContextAsync(new() { BaseURL = _baseUrl.ToString() })).NewPageAsync();
        await page.GotoAsync("/desk/sign-in");
        await page.GetByLabel("Access token").FillAsync(await _provider.AccessTokenAsync(Users.Paul));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with token" }).ClickAsync();
        await page.WaitForURLAsync("**/desk");
        await Assertions.Expect(page.GetByText("Paul Publisher")).ToBeVisibleAsync();
    }
}
