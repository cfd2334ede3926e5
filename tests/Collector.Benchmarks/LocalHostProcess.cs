using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// The local collector host as a separate process on a free loopback port, with no storage configured so it
/// starts (and on SIGTERM stops) its own Azurite — as tests/EndToEnd.Tests runs it.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    public const string Key = "bench-key";
    private const int OutputLines = 40;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private bool _stopped;

    private LocalHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
        Client.DefaultRequestHeaders.Add("x-functions-key", Key);
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
    }

    public Uri Address { get; }

    /// <summary>For the admin and status requests (the probes have clients of their own).</summary>
    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    /// <summary>How long from starting the process to the first healthy answer (Azurite start and storage creation included).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The Azurite the host started: its child processes (node), found once it answers.</summary>
    public IReadOnlyList<int> AzuritePids { get; private set; } = [];

    public static async Task<LocalHostProcess> StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MonitoramentoBKP.LocalHost.dll");
        if (!File.Exists(dll))
        {
            throw new BenchSetupException($"{dll} is missing: the benchmark project references functions/LocalHost so its build output is copied here");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--Urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["FunctionKey"] = Key;
        start.Environment["Storage"] = "";
        start.Environment["SweepSchedule"] = "0 0 0 1 1 *";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new BenchSetupException("could not start dotnet for the local host");
        var host = new LocalHostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new BenchSetupException($"the local host exited with code {process.ExitCode} while starting; its last output:\n{host.OutputTail}");
            }

            try
            {
                using var health = await host.Client.GetAsync(new Uri("api/health", UriKind.Relative)).ConfigureAwait(false);
                if (health.IsSuccessStatusCode)
                {
                    host.StartupTime = clock.Elapsed;
                    host.AzuritePids = Descendants(process.Id);
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        await host.DisposeAsync().ConfigureAwait(false);
        throw new BenchSetupException($"the local host did not answer /api/health within 90 s; its last output:\n{host.OutputTail}");
    }

    /// <summary>The last lines the host wrote, for saying why it failed.</summary>
    public string OutputTail => string.Join('\n', _output);

    /// <summary>CPU time used so far by the host and by its Azurite (zero for a process already gone).</summary>
    public (TimeSpan Host, TimeSpan Azurite) CpuTime() =>
        (ProcFiles.CpuTime(_process.Id) ?? TimeSpan.Zero, AzuritePids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + (ProcFiles.CpuTime(pid) ?? TimeSpan.Zero)));

    /// <summary>SIGTERM, as Ctrl-C or a service manager would stop it, so it stops the Azurite it started; says how that went.</summary>
    public async Task<string> StopAsync()
    {
        if (_stopped)
        {
            return "already stopped";
        }

        _stopped = true;
        Client.Dispose();
        if (_process.HasExited)
        {
            return $"the host had already exited (code {_process.ExitCode})";
        }

        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string how;
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            how = $"host stopped on SIGTERM in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s";
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            how = "host ignored SIGTERM for 20 s and was killed";
        }

        // Azurite gets a moment to go after its parent.
        for (var i = 0; i < 20 && AzuritePids.Any(ProcFiles.IsAlive); i++)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        var left = AzuritePids.Where(ProcFiles.IsAlive).ToList();
        return left.Count == 0 ? $"{how}; its Azurite stopped too" : $"{how}; its Azurite is STILL RUNNING (pid {string.Join(", ", left)})";
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static List<int> Descendants(int pid)
    {
        var all = new List<int>();
        foreach (var child in ProcFiles.Children(pid))
        {
            all.Add(child);
            all.AddRange(Descendants(child));
        }

        return all;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
