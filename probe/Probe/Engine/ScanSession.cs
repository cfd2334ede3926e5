using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>A whole local scan: lock the state directory, load the cache, scan, save the next cache.</summary>
public sealed class ScanSession(IFileSystem fileSystem, TimeProvider time)
{
    /// <summary>Runs the scan; null when another run holds the state directory.</summary>
    public ScanResult? Run(ProbeConfig config, ScanOptions options, ScanProgress progress)
    {
        using var stateLock = StateLock.TryAcquire(config.StateDirectory);
        if (stateLock is null)
        {
            return null;
        }

        var cachePath = Path.Combine(config.StateDirectory, HashCache.FileName);
        var (cache, report) = HashCache.Load(cachePath);
        var result = new Scanner(fileSystem, time).Scan(config, cache, report, options, progress);
        result.Cache.Save(cachePath, result.Manifest.StartedUtc);
        return result;
    }
}
