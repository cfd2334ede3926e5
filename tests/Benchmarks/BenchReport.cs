namespace MonitoramentoBKP.Benchmarks;

/// <summary>Everything one run measured, as written to probe-bench.json and probe-bench.md.</summary>
public sealed record BenchReport
{
    public required DateTime GeneratedUtc { get; init; }
    public required string Mode { get; init; }
    public required int Repetitions { get; init; }
    public required string WorkDirectory { get; init; }
    public required MachineInfo Machine { get; init; }
    public required ProbeBinaryInfo ProbeBinary { get; init; }
    public required IReadOnlyList<ToolInfo> Tools { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }
}
