using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>Builds configurations and runs scans the way the scan command does, minus the console.</summary>
public static class Probes
{
    public static BackupSetConfig Set(string id, string root, string[]? include = null, string[]? exclude = null, bool recurse = true) => new()
    {
        Id = id,
        Root = root,
        Include = (include ?? ["**"]).Select(Parse).ToList(),
        Exclude = (exclude ?? []).Select(Parse).ToList(),
        Recurse = recurse,
    };

    public static Glob Parse(string pattern) =>
        Glob.TryParse(pattern, out var glob, out var problem) ? glob! : throw new ArgumentException($"{pattern}: {problem}");

    public static ProbeConfig Config(string stateDirectory, params BackupSetConfig[] sets) => new()
    {
        BranchId = "F001",
        StateDirectory = stateDirectory,
        KeyFile = Path.Combine(stateDirectory, "probe.key"),
        Sets = sets,
        Parallel = 2,
        LargeFileParallel = 1,
        Language = Language.PortugueseBrazil,
    };

    public sealed record Run(Manifest Manifest, ScanStatistics Statistics, long BytesRead);

    public static Run Scan(ProbeConfig config, IFileSystem? fileSystem = null, TimeProvider? time = null, bool verifyAll = false)
    {
        var progress = new ScanProgress();
        var result = new ScanSession(fileSystem ?? LocalFileSystem.Instance, time ?? new FakeTimeProvider(DateTimeOffset.UtcNow))
            .Run(config, new ScanOptions { ProbeVersion = "0.0.0-test", VerifyAll = verifyAll }, progress)
            ?? throw new InvalidOperationException("state directory locked");
        return new Run(result.Manifest, result.Statistics, progress.BytesRead);
    }

    public static FileReport File(this Manifest manifest, string path) => manifest.Sets.SelectMany(s => s.Files).Single(f => f.Path == path);
}
