using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>A whole local scan: lock the state directory, load the cache (while the folders are walked), scan, save the next cache.</summary>
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
        var loaded = TimeSpan.Zero;
        var loading = Task.Run(() =>
        {
            var start = time.GetTimestamp();
            var cache = HashCache.Load(cachePath);
            loaded = time.GetElapsedTime(start);
            return cache;
        });
        var result = new Scanner(fileSystem, time).Scan(config, loading, options, progress);
        var saving = time.GetTimestamp();
        if (result.CacheChanged)
        {
            result.Cache.Save(cachePath, result.Manifest.StartedUtc);
        }
        else
        {
            HashCache.MarkRun(cachePath, result.Manifest.StartedUtc);
        }

        return result with { Statistics = result.Statistics with { CacheLoad = loaded, CacheSave = time.GetElapsedTime(saving) } };
    }
}
