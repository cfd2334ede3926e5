using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>A finished scan: the manifest to report, the cache to save, and what it cost.</summary>
public sealed record ScanResult(Manifest Manifest, HashCache Cache, ScanStatistics Statistics, bool CacheChanged);
