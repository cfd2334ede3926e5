namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Whether every manifest counted exactly once: each check with what it saw, and every problem found.</summary>
public sealed record IngestVerification
{
    public required IReadOnlyList<string> Checks { get; init; }
    public required IReadOnlyList<string> Problems { get; init; }

    public bool Passed => Problems.Count == 0;

    public string Verdict => Passed ? "PASS" : "FAIL";
}
