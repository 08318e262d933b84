using System.Net;

namespace Newsroom.Tests.Integration;

/// <summary>
/// The desk on several nodes without sticky sessions (ADR 0036): two service processes whose default key folders
/// differ (each its own HOME) share the Data Protection key ring through the database, so a sign-in made on one
/// node is a session on the other, and a form the other renders is accepted there.
/// </summary>
public class a_desk_session
{
    [Fact]
    public async Task made_on_one_node_is_valid_on_another()
    {
        var connectionString = await OwnDatabase.CreateAsync("keyring");
        var homes = new[] { Directory.CreateTempSubdirectory("newsroom-home-").FullName, Directory.CreateTempSubdirectory("newsroom-home-").FullName };
        try
        {
            await using var first = await ServiceProcess.StartAsync(connectionString, environment: new Dictionary<string, string> { ["HOME"] = homes[0] });
            await using var second = await ServiceProcess.StartAsync(connectionString, environment: new Dictionary<string, string> { ["HOME"] = homes[1] });

            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };

            var signInResponse = await browser.GetAsync(new Uri(first.BaseUrl, "desk/sign-in"));
            signInResponse.StatusCode.ShouldBe(HttpStatusCode.OK, first.Log);
            var signInPage = await signInResponse.Content.ReadAsStringAsync();
            var signedIn = await browser.PostAsync(new Uri(first.BaseUrl, "desk/sign-in?handler=Demo"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["returnUrl"] = "/desk", ["user"] = "alice", [DeskForms.TokenField] = DeskForms.AntiforgeryToken(signInPage)
            }));
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
            signedIn.Headers.Location!.ToString().ShouldBe("/desk");

            // The other node reads the session cookie the first one protected…
            var board = await browser.GetAsync(new Uri(second.BaseUrl, "desk"));
            board.StatusCode.ShouldBe(HttpStatusCode.OK, $"the second node did not accept the first node's sign-in ({board.Headers.Location})");
            var boardHtml = await board.Content.ReadAsStringAsync();
            boardHtml.ShouldContain("Alice Editor");

            // …and the first node accepts a form the second rendered (its antiforgery token, the first's cookie token).
            var signedOut = await browser.PostAsync(new Uri(first.BaseUrl, "desk/sign-out"),
                new FormUrlEncodedContent(new Dictionary<string, string> { [DeskForms.TokenField] = DeskForms.AntiforgeryToken(boardHtml) }));
            ((int)signedOut.StatusCode).ShouldBeLessThan(400, await signedOut.Content.ReadAsStringAsync());

            // One key ring, in the database, not in either node's folder.
            Directory.Exists(Path.Combine(homes[0], ".aspnet", "DataProtection-Keys")).ShouldBeFalse();
            Directory.Exists(Path.Combine(homes[1], ".aspnet", "DataProtection-Keys")).ShouldBeFalse();
        }
        finally
        {
            foreach (var home in homes) Directory.Delete(home, recursive: true);
        }
    }
}
