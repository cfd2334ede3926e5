namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>Settings given on the command line; they win over the environment and probe.json.</summary>
public sealed record ConfigOverrides
{
    public string? ConfigPath { get; init; }
    public string? BranchId { get; init; }
    public string? StateDirectory { get; init; }
    public string? Parallel { get; init; }
    public string? LargeFileParallel { get; init; }
    public string? ReverifyBudget { get; init; }
    public string? Language { get; init; }
    public string? CollectorUrl { get; init; }
    public string? KeyFile { get; init; }

    /// <summary>Ad-hoc sets as "ID=FOLDER"; when present they replace the sets of probe.json.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];
}
