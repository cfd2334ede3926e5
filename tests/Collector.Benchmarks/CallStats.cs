namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// One in-process measurement: CPU time per call from the process's CPU clock over the timed loop, wall-clock
/// percentiles from a stopwatch around each call, and the bytes each call allocated on the measuring thread.
/// </summary>
public sealed record CallStats
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Iterations { get; init; }

    /// <summary>The very first call, before any warm-up: includes compiling the code it runs.</summary>
    public required double FirstCallMs { get; init; }

    public required double CpuMsPerCall { get; init; }
    public required double WallMeanMs { get; init; }
    public required double WallMedianMs { get; init; }
    public required double WallP99Ms { get; init; }
    public required double WallMaxMs { get; init; }
    public required double AllocatedBytesPerCall { get; init; }

    /// <summary>Garbage collections during the timed loop, by generation (0, 1, 2).</summary>
    public required IReadOnlyList<int> Collections { get; init; }

    /// <summary>The target this figure is held to, when it has one ("≤ 20 ms CPU per manifest").</summary>
    public string? Target { get; init; }

    /// <summary>PASS or MISS against <see cref="Target"/>; null for figures given for context.</summary>
    public string? Verdict { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
