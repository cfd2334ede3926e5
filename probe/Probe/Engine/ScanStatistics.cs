namespace MonitoramentoBKP.Probe.Engine;

public sealed record ScanStatistics(int FilesListed, int FilesHashed, long BytesHashed, int FilesFromCache, int FilesReverified, long ContentBytesRead, TimeSpan Elapsed)
{
    /// <summary>Listing and stat of every set.</summary>
    public TimeSpan Walk { get; init; }

    /// <summary>Reading content (hash and archive tests).</summary>
    public TimeSpan Hash { get; init; }

    public TimeSpan CacheLoad { get; init; }
    public TimeSpan CacheSave { get; init; }
}
