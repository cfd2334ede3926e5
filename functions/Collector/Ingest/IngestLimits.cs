namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// Caps on what one request, and all requests at once, may make the collector hold: before and after
/// decompression (a gzip bomb is refused), the longest single JSON value (the parser must hold a value whole),
/// how many large manifests are read at once (past that: 503 with Retry-After, which the probe honours), and
/// how long a manifest waits for its branch's turn.
/// </summary>
public sealed record IngestLimits
{
    public long MaxCompressedBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>A 100,000-file manifest is about 35 MB of JSON.</summary>
    public long MaxManifestBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>No string or number of a manifest comes near this (paths are capped far below it).</summary>
    public int MaxValueBytes { get; init; } = 256 * 1024;

    /// <summary>A manifest is large once its body passes this many compressed bytes or <see cref="LargeManifestBytes"/> decompressed.</summary>
    public long LargeBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>The step in which large manifests take their share of <see cref="MaxLargeBytesAtOnce"/>; smaller ones take none.</summary>
    public long LargeManifestBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>
    /// Decompressed bytes of large manifests one instance reads and judges at once: one at the cap and a smaller one
    /// (some 300 MB of memory at most, measured by scripts/bench-collector); past it a manifest is answered 503 with Retry-After.
    /// </summary>
    public long MaxLargeBytesAtOnce { get; init; } = 80L * 1024 * 1024;

    /// <summary>How long a large manifest may wait, in all, for its share before the 503.</summary>
    public TimeSpan LargeWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a manifest waits for the one ahead of it of the same branch (one at a time per branch and instance).</summary>
    public TimeSpan BranchWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What Retry-After says when the collector is busy (the probe adds its own jitter).</summary>
    public int RetryAfterSeconds { get; init; } = 5;

    /// <summary>How often to re-read and re-apply when another instance committed a manifest of the same branch first.</summary>
    public int MaxCommitAttempts { get; init; } = 20;
}
