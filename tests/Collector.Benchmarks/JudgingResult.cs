namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Part 1: what judging (and reading) one 10,000-file manifest costs in-process.</summary>
public sealed record JudgingResult
{
    public required int Files { get; init; }
    public required long JsonBytes { get; init; }
    public required long GzipBytes { get; init; }

    /// <summary>What the judgement concluded, so a figure is known to come from the ordinary path (OK, nothing found).</summary>
    public required string Verdict { get; init; }

    /// <summary>The judgement (held to the target), the rules alone, and the read path for context.</summary>
    public required IReadOnlyList<CallStats> Figures { get; init; }

    /// <summary>Where the rules' time goes: the sorted backup list, then each rule on a context that already has it.</summary>
    public required IReadOnlyList<CallStats> Breakdown { get; init; }

    /// <summary>CPU per manifest of everything ingest does in-process for it: read and validate, load the previous manifest, judge, plan the sweep.</summary>
    public required double InProcessIngestCpuMs { get; init; }
}
