namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Part 3: the local host under rounds of concurrent gzip bombs, and under honest manifests beside them; each load on a host of its own.</summary>
public sealed record BombResult
{
    public required int Concurrent { get; init; }
    public required int Rounds { get; init; }
    public required double PeakGoalBytes { get; init; }
    public required double HealthGoalMs { get; init; }
    public required IReadOnlyList<BombLoadResult> Loads { get; init; }

    /// <summary>No load got a wrong answer (a 500, none at all, a 503 without Retry-After).</summary>
    public required bool AnswersRight { get; init; }

    public required string Verdict { get; init; }
    /// <summary>How the loads' hosts stopped: all on SIGTERM with their Azurite, or each load's own account.</summary>
    public required string Shutdown { get; init; }
}
