using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Newsroom.Tests.Integration;

/// <summary>
/// The real service as a separate process: <c>dotnet Newsroom.Api.dll</c> from the build output, on a free
/// loopback port and a database of its own. Unlike the in-memory Alba host it can be killed (SIGKILL).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    public Uri BaseUrl { get; }
    public int Port => BaseUrl.Port;
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Log { get { lock (_log) return _log.ToString(); } }

    private ServiceProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The service's build output, next to this test assembly's (same configuration and framework).</summary>
    public static string ApiDirectory
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var dir = Path.Combine(LocalPostgres.RepoRoot, "src", "Newsroom.Api", "bin", testBin.Parent!.Name, testBin.Name);
            if (!File.Exists(Path.Combine(dir, "Newsroom.Api.dll"))) throw new InvalidOperationException($"Newsroom.Api.dll not built in {dir}");
            return dir;
        }
    }

    public static ProcessStartInfo Dotnet(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ApiDirectory, // content root: appsettings.json
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        start.ArgumentList.Add(Path.Combine(ApiDirectory, "Newsroom.Api.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Newsroom__DemoData"] = "false";
        start.Environment["ConnectionStrings__Newsroom"] = connectionString;
        // Which node runs which projection, and when: what to read when a crash test fails.
        start.Environment["Logging__LogLevel__Wolverine.Runtime.Agents"] = "Information";
        start.Environment["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ";
        return start;
    }

    /// <summary>
    /// Starts the service and waits until /health/ready answers 200. <paramref name="environment"/> adds or
    /// overrides environment variables (webhook subscribers, drain seconds ...); <paramref name="port"/> restarts a
    /// node on the address it had (a free port otherwise).
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string connectionString, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
        var start = Dotnet(connectionString, "--urls", baseUrl.ToString().TrimEnd('/'));
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (service._log) service._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (service._log) service._log.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The service exited ({process.ExitCode}):\n{service.Log}");
            try
            {
                if ((await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK) return service;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The service was not ready in time:\n{service.Log}");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, nothing the process can do about it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// A graceful stop, as an orchestrator does it: SIGTERM, then wait for the process to exit (SIGKILL after
    /// <paramref name="timeout"/>). Returns the exit code.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (kill(_process.Id, SIGTERM) != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try { await _process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { await KillAsync(); throw new TimeoutException($"The service did not stop after SIGTERM:\n{Log}"); }
        return _process.ExitCode;
    }

    private const int SIGTERM = 15;
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>Runs a command of the service (verify, projections ...) to its end: exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunCommandAsync(string connectionString, params string[] args) =>
        RunCommandAsync(connectionString, new Dictionary<string, string>(), args);

    /// <param name="environment">Adds or overrides environment variables, as for <see cref="StartAsync"/>.</param>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string connectionString,
        IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = Dotnet(connectionString, args);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
