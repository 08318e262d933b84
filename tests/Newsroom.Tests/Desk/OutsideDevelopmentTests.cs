using AngleSharp.Html.Parser;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

/// <summary>The desk outside Development: a Secure session cookie, no demo users, and a token form that can be turned off.</summary>
public class the_desk_outside_development : IAsyncLifetime
{
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await OwnDatabase.CreateAsync("desk_staging");
        JasperFxEnvironment.AutoStartHost = true;
        _host = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Staging");
            b.UseSetting("ConnectionStrings:Newsroom", connectionString);
            b.UseSetting("Desk:TokenSignIn", "false");
            b.UseSetting("Newsroom:DrainSeconds", "0");
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task the_cookie_is_secure_no_demo_users_are_offered_and_the_token_form_is_off()
    {
        var cookie = _host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(Newsroom.Desk.DeskModule.Scheme).Cookie;
        cookie.SecurePolicy.ShouldBe(CookieSecurePolicy.Always);
        cookie.HttpOnly.ShouldBeTrue();

        var page = await _host.CreateClient().GetStringAsync("/desk/sign-in");
        var doc = new HtmlParser().ParseDocument(page);
        doc.QuerySelector("textarea#token").ShouldBeNull();
        doc.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Rita Reviewer");

        var post = await _host.CreateClient().PostAsync("/desk/sign-in?handler=Token", new FormUrlEncodedContent([new("token", "x")]));
        ((int)post.StatusCode).ShouldBeOneOf(400, 404); // no form to post to (antiforgery refuses first without one)
    }
}
