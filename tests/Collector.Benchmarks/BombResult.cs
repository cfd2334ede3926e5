namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Part 3: the local host under rounds of concurrent gzip bombs, and under honest manifests beside them.</summary>
public sealed record BombResult
{
    public required int Concurrent { get; init; }
    public required int Rounds { get; init; }
    public required double HostStartupSeconds { get; init; }

    /// <summary>Resident bytes of the host when it first answered, and at rest after the registry import and one warm-up manifest.</summary>
    public required long ReadyRssBytes { get; init; }
    public required long IdleRssBytes { get; init; }

    public required double PeakGoalBytes { get; init; }
    public required double HealthGoalMs { get; init; }
    public required IReadOnlyList<BombLoadResult> Loads { get; init; }

    /// <summary>No load got a wrong answer (a 500, none at all, a 503 without Retry-After).</summary>
    public required bool AnswersRight { get; init; }

    public required string Verdict { get; init; }
    public required string Shutdown { get; init; }
}
