using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Newsroom.Bench;

/// <summary>The service under test, as a separate process in its production configuration.</summary>
public sealed class Service : IAsyncDisposable
{
    private Process? _process;
    public string BaseUrl { get; }
    public HttpClient Http { get; }

    public Service(int port, int clients)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        Http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients * 2,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false
        }) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Starts the process and returns the time until the first authenticated request succeeded.</summary>
    public async Task<TimeSpan> StartAsync(string appDll, IDictionary<string, string> environment, string logFile, string token)
    {
        var info = new ProcessStartInfo("dotnet", $"{appDll} --urls {BaseUrl}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appDll)!
        };
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var started = Stopwatch.StartNew();
        _process = Process.Start(info)!;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        while (started.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();   // the last lines of its output into the log
                string[] tail;
                lock (log)
                {
                    using var reader = new StreamReader(new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                    tail = reader.ReadToEnd().Split('\n').TakeLast(15).ToArray();
                }
                throw new InvalidOperationException($"The service exited ({_process.ExitCode}); the end of {logFile}:\n{string.Join('\n', tail)}");
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles?limit=1");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await Http.SendAsync(request);
                if (response.IsSuccessStatusCode) return started.Elapsed;
            }
            catch (HttpRequestException) { }
            await Task.Delay(5);
        }
        throw new TimeoutException("The service did not answer within 120 s.");
    }

    /// <summary>
    /// Seconds the service's JIT has spent compiling since it started (its runtime metric on <c>/metrics</c>),
    /// or null where the metric is not served: how much of a phase went into compiling rather than serving.
    /// </summary>
    public async Task<double?> JitSecondsAsync()
    {
        try
        {
            var text = await Http.GetStringAsync("/metrics");
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("dotnet_jit_compilation_time_seconds_total", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or FormatException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Peak resident set size (VmHWM) of the service process, in MB.</summary>
    public int Pid => _process!.Id;

    public double PeakRssMb()
    {
        var line = File.ReadLines($"/proc/{_process!.Id}/status").First(l => l.StartsWith("VmHWM:"));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async Task<(bool Ok, JsonObject? Json, string? ETag)> SendAsync(HttpMethod method, string url, string token, object? body = null,
        string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch != null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body != null) request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text)!.AsObject() : null;
        return (response.IsSuccessStatusCode, json, response.Headers.ETag?.Tag);
    }

    /// <summary>A GET that succeeds with any 2xx; <paramref name="host"/> names the publication of an anonymous reader.</summary>
    public async Task<bool> GetOkAsync(string url, string? token, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (host != null) request.Headers.Host = host;
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return response.IsSuccessStatusCode;
    }

    /// <summary>A GET as a browser makes it: succeeds only when the answer is 200 and HTML (never the API's JSON).</summary>
    public async Task<bool> GetHtmlOkAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/html";
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // Stopped as an orchestrator stops it (SIGTERM, then a grace period), so the node leaves the
            // cluster and hands its projections on at once; killed only if it does not exit in time.
            _ = SendSigterm(_process.Id, 15);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        Http.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSigterm(int pid, int signal);
}
