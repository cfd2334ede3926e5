using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MonitoramentoBKP.EndToEnd.Tests.Support;

/// <summary>The local collector host as a separate process on a free loopback port, stopped the way Ctrl-C or a service manager stops it.</summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    public const string Key = "e2e-key";

    private readonly Process _process;

    private LocalHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Add("x-functions-key", Key);
    }

    public Uri Address { get; }
    public HttpClient Client { get; }
    public int ProcessId => _process.Id;

    public static async Task<LocalHostProcess> StartAsync(string? storage, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MonitoramentoBKP.LocalHost.dll"));
        start.ArgumentList.Add("--Urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["FunctionKey"] = Key;
        start.Environment["Storage"] = storage ?? "";
        start.Environment["SweepSchedule"] = "0 0 0 1 1 *";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new LocalHostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode} while starting.");
            }

            try
            {
                if ((await host.Client.GetAsync("api/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        await host.DisposeAsync();
        throw new TimeoutException("The local host did not answer /api/health within 60 s.");
    }

    /// <summary>SIGTERM, as Ctrl-C or a service manager would stop it, so it can stop what it started.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
