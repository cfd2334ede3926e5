namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Part 2: concurrent probes posting to the local host on Azurite, and whether every manifest counted exactly once.</summary>
public sealed record IngestResult
{
    public required int Probes { get; init; }
    public required int ManifestsPerProbe { get; init; }
    public required double HostStartupSeconds { get; init; }
    public required double ImportMs { get; init; }

    /// <summary>PUT /api/branches/{id}, one after another: each re-validates and re-writes the whole registry.</summary>
    public required LatencySummary PutBranch { get; init; }
    public required double FirstPutMs { get; init; }
    public required double LastPutMs { get; init; }

    /// <summary>Manifests sent before timing (registry branches, not the bench's), so the host's first-call compilation is not in the figures.</summary>
    public required LatencySummary Warmup { get; init; }
    public required double MeanBodyBytes { get; init; }
    public required double MeanJsonBytes { get; init; }

    public required int Posted { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required double ManifestsPerSecond { get; init; }
    public required LatencySummary Latency { get; init; }

    /// <summary>Median latency of each round (the k-th manifest of every probe), to see whether growing state slows ingest.</summary>
    public required IReadOnlyList<double> MedianMsByRound { get; init; }

    /// <summary>CPU seconds during the timed phase: the host process, its Azurite, and this harness (the probes).</summary>
    public required double HostCpuSeconds { get; init; }
    public required double AzuriteCpuSeconds { get; init; }
    public required double HarnessCpuSeconds { get; init; }

    public required IReadOnlyDictionary<string, int> AnswersByStatus { get; init; }
    public required IReadOnlyDictionary<string, int> FinalSetStatuses { get; init; }
    public required LatencySummary Resent { get; init; }

    /// <summary>CPU seconds the re-sends cost: a re-sent manifest is read and validated, then stops after two storage reads (branch, run marker).</summary>
    public required double ResentHostCpuSeconds { get; init; }
    public required double ResentAzuriteCpuSeconds { get; init; }
    public required IngestVerification Verification { get; init; }
    public required string Shutdown { get; init; }
}
