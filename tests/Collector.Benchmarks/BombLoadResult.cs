namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>One load of the bombs scenario: how it was answered, the host's memory, and the health check's latency meanwhile.</summary>
public sealed record BombLoadResult
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required bool Honest { get; init; }
    public required double MeanGzipBytes { get; init; }
    public required double MeanInflatedBytes { get; init; }
    public int? FilesPerBody { get; init; }
    public required int Rounds { get; init; }
    public required int Requests { get; init; }
    public required double ElapsedSeconds { get; init; }

    /// <summary>"HTTP 413" → count ("no answer" when none came).</summary>
    public required IReadOnlyDictionary<string, int> AnswersByStatus { get; init; }

    /// <summary>The first problem the collector gave for each status, to show what the refusals say.</summary>
    public required IReadOnlyDictionary<string, string> DetailByStatus { get; init; }

    public required IReadOnlyList<int> Expected { get; init; }
    public required LatencySummary PostLatency { get; init; }

    /// <summary>The load's own host: how long it took to answer, its RSS then, and at rest after the registry import and one warm-up manifest.</summary>
    public double HostStartupSeconds { get; init; }
    public long ReadyRssBytes { get; init; }
    public required long IdleRssBytes { get; init; }

    /// <summary>Resident bytes just before the load, the highest during it (and the 5 s after), and 5 s after its last answer.</summary>
    public required long RssBeforeBytes { get; init; }
    public required long PeakRssBytes { get; init; }
    public required long RssAfterBytes { get; init; }
    public required long PeakAboveIdleBytes { get; init; }
    public required long AfterAboveIdleBytes { get; init; }
    public required int RssSamples { get; init; }

    public required HealthSamples Health { get; init; }

    /// <summary>Answers this load must never get (a 500, no answer, a 503 without Retry-After, a status not expected).</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>PASS (goals met, answers right), MISS (answers right, a goal missed) or FAIL (a wrong answer).</summary>
    public required string Verdict { get; init; }

    public string Shutdown { get; init; } = "";

    /// <summary>The figures against the goals: "peak 0.41× the goal, health p99 0.20× the goal".</summary>
    public required string Ratio { get; init; }
}
