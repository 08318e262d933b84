using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Newsroom.Tests.Integration;

/// <summary>
/// A graceful stop (SIGTERM) of the real service: readiness fails at once, and the node keeps answering for the drain
/// delay before the server stops accepting (ADR 0031). This checks the ordering .NET's host gives: the drain, an
/// <c>IHostedLifecycleService.StoppingAsync</c>, runs before the web server stops.
/// </summary>
public class a_graceful_stop(ITestOutputHelper output)
{
    [Fact]
    public async Task reports_not_ready_and_keeps_serving_for_the_drain_delay_before_it_stops_accepting()
    {
        const double drainSeconds = 3;
        var connectionString = await OwnDatabase.CreateAsync("drain");
        await using var node = await ServiceProcess.StartAsync(connectionString,
            environment: new Dictionary<string, string> { ["Newsroom__DrainSeconds"] = drainSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = new HttpClient { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        (await http.GetAsync("health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var clock = Stopwatch.StartNew();
        var stopping = node.StopAsync();
        double? notReadyAt = null, lastServedAt = null, firstRefusedAt = null;
        string readyDetail = "";
        while (!stopping.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                var ready = await http.GetAsync("health/ready");
                if (ready.StatusCode == HttpStatusCode.ServiceUnavailable && notReadyAt is null)
                {
                    notReadyAt = clock.Elapsed.TotalSeconds;
                    readyDetail = await ready.Content.ReadAsStringAsync();
                }
                var page = await http.GetAsync("public/articles");
                if (page.StatusCode == HttpStatusCode.OK) lastServedAt = clock.Elapsed.TotalSeconds;
                else firstRefusedAt ??= clock.Elapsed.TotalSeconds;
            }
            catch (HttpRequestException)
            {
                firstRefusedAt ??= clock.Elapsed.TotalSeconds;
            }
            catch (TaskCanceledException)
            {
                // A probe slower than the client's timeout (a loaded machine) says nothing about refusing: a stopped
                // server refuses a connection at once.
            }
            await Task.Delay(100);
        }
        var exitCode = await stopping;
        var stoppedAt = clock.Elapsed.TotalSeconds;
        output.WriteLine($"SIGTERM at 0 s: not ready after {notReadyAt:0.00} s ({readyDetail}); last request served at {lastServedAt:0.00} s; " +
                         $"first refused at {firstRefusedAt:0.00} s; exited ({exitCode}) after {stoppedAt:0.00} s");

        notReadyAt.ShouldNotBeNull("readiness never failed while stopping");
        readyDetail.ShouldContain("draining");
        lastServedAt.ShouldNotBeNull();
        // Not ready while still serving (on a loaded machine the first probe after SIGTERM may itself take seconds).
        notReadyAt.Value.ShouldBeLessThan(lastServedAt.Value, "readiness failed only after the node had stopped serving");
        // Judged by the first refusal, not the last success: on a loaded machine one probe can take longer than the
        // gap to the end of the drain, and the last success then lands early although nothing was refused.
        firstRefusedAt.ShouldNotBeNull("the server never stopped accepting");
        firstRefusedAt.Value.ShouldBeGreaterThan(drainSeconds - 0.5, "the server stopped serving before the drain delay was over");
        stoppedAt.ShouldBeGreaterThanOrEqualTo(drainSeconds);
        exitCode.ShouldBe(0, node.Log);
        node.Log.ShouldContain("draining for 3 s");
    }
}
