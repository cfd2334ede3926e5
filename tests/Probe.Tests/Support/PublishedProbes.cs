using System.Diagnostics;

namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>
/// The probe published twice as real single-file executables, versions <see cref="Old"/> and <see cref="New"/>
/// (framework-dependent, untrimmed: built in seconds, and they run like the installed file does), for the tests that
/// update, kill and roll back real processes. Linux only: the swap is by rename and the fakes are shell scripts.
/// </summary>
public sealed class PublishedProbes : IAsyncLifetime
{
    public const string Old = "9.1.0";
    public const string New = "9.2.0";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bkp-published-" + Guid.NewGuid().ToString("N"));

    public string OldExe => Path.Combine(_root, Old, "bkp-probe");

    public string NewExe => Path.Combine(_root, New, "bkp-probe");

    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(PublishAsync(Old), PublishAsync(New));
        PublishTime = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The temporary folder goes with the machine.
        }

        return Task.CompletedTask;
    }

    private async Task PublishAsync(string version)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(Repository(), "probe", "Probe"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-p:PublishSingleFile=true", "-p:PublishTrimmed=false", "-p:PublishReadyToRun=false", $"-p:Version={version}",
            "-o", Path.Combine(_root, version), "--artifacts-path", Path.Combine(_root, "build-" + version),
            "-nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(patience.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of version {version} failed:\n{await stdout}\n{await stderr}");
        }
    }

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
