namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>Caps on what one request may make the collector hold, before and after decompression (a gzip bomb is refused).</summary>
public sealed record IngestLimits
{
    public long MaxCompressedBytes { get; init; } = 32L * 1024 * 1024;
    public long MaxManifestBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>How often to re-read and re-apply when another manifest of the same branch committed first.</summary>
    public int MaxCommitAttempts { get; init; } = 20;
}
