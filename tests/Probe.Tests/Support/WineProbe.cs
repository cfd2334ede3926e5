using System.Diagnostics;

namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>
/// The probe itself published as a win-x64 folder and run under Wine in a private prefix, for the Windows install
/// flow: folders, their ACL, schtasks accepting the generated task, uninstall. Wine has no ECDSA, so nothing here
/// signs. A missing wine fails the tests, as for <see cref="WineDpapi"/>.
/// </summary>
public sealed class WineProbe : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bkp-wine-probe-" + Guid.NewGuid().ToString("N"));
    private string? _wine;

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>The published bkp-probe.exe, as Wine names it.</summary>
    public string Exe => "Z:" + Path.Combine(_root, "app", "bkp-probe.exe").Replace('/', '\\');

    /// <summary>The prefix's C: drive, as this side names it.</summary>
    public string DriveC => Path.Combine(_root, "prefix", "drive_c");

    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        _wine = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "wine")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("The Windows install flow is checked under Wine, and `wine` is not on PATH. Install the Debian package `wine`; CI installs it.");
        Directory.CreateDirectory(_root);
        var clock = Stopwatch.StartNew();
        await RunAsync("dotnet", [
            "publish", Path.Combine(Repository.Root(), "probe", "Probe"), "-c", "Release", "-r", "win-x64", "--self-contained",
            "-p:PublishSingleFile=false", "-p:PublishTrimmed=false", "-p:PublishReadyToRun=false",
            "-o", Path.Combine(_root, "app"), "--artifacts-path", Path.Combine(_root, "build"), "-nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            TimeSpan.FromMinutes(8), wine: false);
        PublishTime = clock.Elapsed;

        // As for WineDpapi: boot without the Mono and Gecko installers, then run with mscoree back.
        await RunAsync(_wine, ["wineboot", "--init"], TimeSpan.FromMinutes(3), wine: true, dllOverrides: "mscoree,mshtml=");
    }

    public async Task DisposeAsync()
    {
        if (_wine is not null && Directory.Exists(Path.Combine(_root, "prefix")))
        {
            // Ends this prefix's wineserver and the services it started; no other prefix's.
            await RunAsync("wineserver", ["-k"], TimeSpan.FromSeconds(30), wine: true);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file there; the temporary folder goes with the machine.
        }
    }

    /// <summary>Runs a Windows program of the prefix (a path as Wine names it, or a built-in such as schtasks).</summary>
    public Task<Result> WineAsync(string program, params string[] arguments) =>
        RunAsync(_wine!, [program, .. arguments], TimeSpan.FromMinutes(3), wine: true, dllOverrides: "mshtml=");

    private async Task<Result> RunAsync(string executable, string[] arguments, TimeSpan patience, bool wine, string? dllOverrides = null)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (wine)
        {
            start.Environment["WINEPREFIX"] = Path.Combine(_root, "prefix");
            start.Environment["WINEDEBUG"] = "-all";
            start.Environment["WINEDLLOVERRIDES"] = dllOverrides ?? "";
            start.Environment.Remove("DISPLAY");
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', arguments)} did not finish within {patience.TotalSeconds:0} s");
        }

        var result = new Result(process.ExitCode, await Quietly(stdout), await Quietly(stderr));
        if (!wine && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Stdout}\n{result.Stderr}");
        }

        return result;
    }

    /// <summary>Wine's services may keep inherited pipes open after the program itself is gone.</summary>
    private static async Task<string> Quietly(Task<string> reading)
    {
        try
        {
            return await reading.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            return "(output still open after the program ended)";
        }
    }
}
