namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Everything one run measured, as written to collector-bench.json and collector-bench.md.</summary>
public sealed record BenchReport
{
    public required DateTime GeneratedUtc { get; init; }
    public required string Mode { get; init; }
    public required MachineInfo Machine { get; init; }
    public required string LocalHostGc { get; init; }
    public required JudgingResult Judging { get; init; }

    /// <summary>Null with --skip-ingest.</summary>
    public IngestResult? Ingest { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>One line: the target and the verification, met or not.</summary>
    public required string Result { get; init; }
}
