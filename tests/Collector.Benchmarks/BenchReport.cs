namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Everything one run measured, as written to collector-bench.json and collector-bench.md.</summary>
public sealed record BenchReport
{
    public required DateTime GeneratedUtc { get; init; }
    public required string Mode { get; init; }

    /// <summary>The options given besides --quick and --out ("--only bombs"), so the report says how to repeat it.</summary>
    public string Command { get; init; } = "";
    public required MachineInfo Machine { get; init; }
    public required string LocalHostGc { get; init; }
    /// <summary>Each part is null when not run (--only, --skip-ingest).</summary>
    public JudgingResult? Judging { get; init; }
    public SigningResult? Signing { get; init; }

    public IngestResult? Ingest { get; init; }

    public BombResult? Bombs { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>One line: the target and the verification, met or not.</summary>
    public required string Result { get; init; }
}
