using System.Net;
using Microsoft.Playwright;
using Newsroom.Infrastructure.Http;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

/// <summary>The desk's session and forms: an HTTP-only cookie scoped to /desk, antiforgery on every form, no inline script, and a cookie that never authenticates the API.</summary>
[Collection(DeskCollection.Name)]
public class the_desks_security(DeskFixture desk)
{
    [Fact]
    public async Task the_session_cookie_is_http_only_same_site_and_scoped_to_the_desk()
    {
        var page = await desk.SignedInAsync(Users.Alice);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "newsroom.desk");
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteAttribute.Lax);
        cookie.Path.ShouldBe("/desk");
        // Development over plain http here; outside Development the cookie is Secure (CookieSecurePolicy.Always).
    }

    [Fact]
    public async Task a_form_post_without_the_antiforgery_token_is_refused()
    {
        var draft = await desk.Api().Draft();
        var page = await desk.SignedInAsync(Users.Alice);
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("action", "Submit for review");
        form.Set("version", "1");
        // The session cookie goes with it, as it would from a forged cross-site form; the token does not.
        var response = await page.Context.APIRequest.PostAsync($"/desk/articles/{draft.Id()}?handler=Act", new() { Form = form });
        response.Status.ShouldBe(400);
        (await desk.Api().Get($"/api/articles/{draft.Id()}", Users.Alice)).Json.Status().ShouldBe("draft");
    }

    [Fact]
    public async Task desk_pages_forbid_inline_script_and_the_cookie_does_not_authenticate_the_api()
    {
        var page = await desk.SignedInAsync(Users.Alice);
        var response = await page.GotoAsync("/desk");
        (await response!.HeaderValueAsync("content-security-policy")).ShouldBe(SecurityHeaders.DeskContentSecurityPolicy);
        SecurityHeaders.DeskContentSecurityPolicy.ShouldNotContain("unsafe-inline");

        var api = await page.Context.APIRequest.GetAsync("/api/articles");
        api.Status.ShouldBe((int)HttpStatusCode.Unauthorized);
    }
}
