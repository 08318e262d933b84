using JasperFx;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newsroom.Tests.Integration;

namespace Newsroom.Tests.Desk;

/// <summary>
/// The real service on a real port (Kestrel) with a database of its own, and Debian's Chromium driven by
/// Playwright. One per desk test class run; every test opens fresh browser contexts (one per person).
/// </summary>
public sealed class DeskFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private WebApplicationFactory<Program> _factory = null!;
    private IPlaywright _playwright = null!;
    private WebhookReceiver _receiver = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;

    private string _connectionString = null!;
    private WebApplicationFactory<Program>? _secondNode;

    /// <summary>
    /// A second service node on the same database (started on first use), for what must reach every node:
    /// live updates and presence travel through PostgreSQL, not through the process.
    /// </summary>
    public Uri SecondNode()
    {
        _secondNode ??= Start(_connectionString);
        return AddressOf(_secondNode);
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The desk's browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium (./test.sh and .ci/run install it when they can).");

        _connectionString = await OwnDatabase.CreateAsync("desk");
        _receiver = await WebhookReceiver.StartAsync();
        _factory = Start(_connectionString);
        BaseUrl = AddressOf(_factory);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-background-networking", "--disable-component-update"]
        });
    }

    private WebApplicationFactory<Program> Start(string connectionString)
    {
        JasperFxEnvironment.AutoStartHost = true;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Newsroom", connectionString);
            b.UseSetting("Newsroom:DemoData", "false");
            b.UseSetting("RateLimiting:PermitsPerMinute", "0");
            // One subscriber, so the history screen has a delivery trail to show.
            b.UseSetting("Webhooks:Subscribers:0:Name", "steady");
            b.UseSetting("Webhooks:Subscribers:0:Url", new Uri(_receiver.BaseUrl, "hooks/steady").ToString());
            b.UseSetting("Webhooks:Subscribers:0:Secret", AppFixture.WebhookSecret);
            b.UseUrls("http://127.0.0.1:0");
            // The API answers the screens get count for the contract tests too (Integration/Contract).
            Integration.Contract.AnswerRecorder.Install(b);
        });
        factory.UseKestrel();
        factory.StartServer();
        return factory;
    }

    private static Uri AddressOf(WebApplicationFactory<Program> factory)
    {
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    /// <summary>A browser context for one person, signed in with their token through the sign-in screen.</summary>
    public async Task<IPage> SignedInAsync(TestUser user, Uri? node = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = (node ?? BaseUrl).ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/desk/sign-in");
        await page.GetByLabel("Access token").FillAsync(user.Token());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with token" }).ClickAsync();
        // The board is the first page a fresh host renders after signing in (Development compiles its handlers on
        // first use), and the whole suite shares two cores: Playwright's default 30 s has not always been enough.
        try
        {
            await page.WaitForURLAsync("**/desk", new() { Timeout = (float)SignInTimeout.TotalMilliseconds });
        }
        catch (TimeoutException e)
        {
            var body = await page.InnerTextAsync("body");
            throw new TimeoutException(
                $"Signing in as {user.Id} did not reach the board in {SignInTimeout.TotalSeconds} s; the page is {page.Url}: {body[..Math.Min(body.Length, 600)]}", e);
        }
        return page;
    }

    private static readonly TimeSpan SignInTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Saves a screenshot for the docs when NEWSROOM_SCREENSHOTS names a folder (the README's picture of the
    /// desk is made this way: NEWSROOM_SCREENSHOTS=$PWD/docs/images ./test.sh --filter Desk).
    /// </summary>
    public static async Task ScreenshotForDocsAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("NEWSROOM_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }

    /// <summary>A value for a datetime-local field as Chromium keeps it (it drops ":00" seconds, which Playwright then calls malformed).</summary>
    public static string DateTimeLocal(DateTime value) =>
        value.ToString(value.Second == 0 ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>axe-core on the page as it is now: no serious or critical violations.</summary>
    public static async Task NoSeriousAccessibilityViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
    }

    /// <summary>An HTTP client for the API on the same port, for arranging what the screens then show.</summary>
    public Api Api() => new(new HttpClient { BaseAddress = BaseUrl });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_secondNode is not null) await _secondNode.DisposeAsync();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_receiver is not null) await _receiver.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DeskCollection : ICollectionFixture<DeskFixture>
{
    public const string Name = "desk";
}
