using System.Diagnostics;

namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>
/// Publishes tests/WineDpapi as a win-x64 folder and runs it once under Wine in a private prefix, for the tests that
/// prove the probe's DPAPI key protector. A missing wine fails those tests rather than skipping them: the Windows
/// key file is only proven by running the Windows code.
/// </summary>
public sealed class WineDpapi : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bkp-wine-" + Guid.NewGuid().ToString("N"));
    private string? _wine;

    /// <summary>What the checker printed, one "check=result" per line.</summary>
    public IReadOnlyDictionary<string, string> Checks { get; private set; } = new Dictionary<string, string>();

    /// <summary>The checker's exit code: 0 when every check passed.</summary>
    public int ExitCode { get; private set; }

    /// <summary>All it printed, for a failure's message.</summary>
    public string Output { get; private set; } = "";

    /// <summary>The fixed bytes it is given to seal, and the blob it wrote, to check from this side too.</summary>
    public byte[] Plain { get; } = "MonitoramentoBKP: bytes that stand in for a PKCS#8 key"u8.ToArray();

    public byte[] Blob { get; private set; } = [];

    /// <summary>The folder it wrote to, as this side names it.</summary>
    public string OutputFolder => Path.Combine(_root, "out");

    public TimeSpan PublishTime { get; private set; }

    public TimeSpan WineTime { get; private set; }

    public async Task InitializeAsync()
    {
        _wine = Find("wine") ?? throw new InvalidOperationException(
            "The probe's Windows key protector (DPAPI) is checked under Wine, and `wine` is not on PATH. "
            + "Install the Debian package `wine` (sudo apt-get install wine); CI installs it.");
        Directory.CreateDirectory(_root);
        var app = Path.Combine(_root, "app");
        Directory.CreateDirectory(OutputFolder);

        var clock = Stopwatch.StartNew();
        await RunAsync("dotnet", [
            "publish", Path.Combine(Repository(), "tests", "WineDpapi"), "-c", "Release", "-r", "win-x64", "--self-contained",
            "-p:PublishSingleFile=false", "-p:PublishTrimmed=false", "-p:PublishReadyToRun=false",
            "-o", app, "--artifacts-path", Path.Combine(_root, "build"), "-nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            TimeSpan.FromMinutes(8), wine: false);
        PublishTime = clock.Elapsed;

        clock.Restart();
        // Booting the prefix without mscoree and mshtml skips the Mono and Gecko installers; running needs mscoree
        // back, as Wine's loader goes through it for IL-only assemblies such as System.Runtime.dll.
        await RunAsync(_wine, ["wineboot", "--init"], TimeSpan.FromMinutes(3), wine: true, dllOverrides: "mscoree,mshtml=");
        var (exitCode, stdout) = await RunAsync(_wine, [Path.Combine(app, "MonitoramentoBKP.WineDpapi.exe"), "Z:" + OutputFolder.Replace('/', '\\'), Convert.ToBase64String(Plain)],
            TimeSpan.FromMinutes(3), wine: true, dllOverrides: "mshtml=", check: false);
        WineTime = clock.Elapsed;

        ExitCode = exitCode;
        Output = stdout;
        Checks = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        var blob = Path.Combine(OutputFolder, "blob.bin");
        Blob = File.Exists(blob) ? await File.ReadAllBytesAsync(blob) : [];
    }

    public async Task DisposeAsync()
    {
        if (_wine is not null && Directory.Exists(Path.Combine(_root, "prefix")))
        {
            // Ends this prefix's wineserver and the Windows services it started; no other prefix's.
            await RunAsync("wineserver", ["-k"], TimeSpan.FromSeconds(30), wine: true, check: false);
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

    private async Task<(int ExitCode, string Stdout)> RunAsync(
        string executable, string[] arguments, TimeSpan patience, bool wine, string? dllOverrides = null, bool check = true)
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

        // Wine's services may keep inherited pipes open after the program itself is gone.
        var said = await Quietly(stdout);
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{said}\n{await Quietly(stderr)}");
        }

        return (process.ExitCode, said);
    }

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

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static string Repository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MonitoramentoBKP.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No MonitoramentoBKP.sln above {AppContext.BaseDirectory}");
    }
}
