using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.State;

/// <summary>Everything one manifest or one sweep changes in a branch's state, committed at once or not at all.</summary>
public sealed record BranchUpdate
{
    public required BranchContact Contact { get; init; }
    public IReadOnlyList<SetState> Sets { get; init; } = [];
    public IReadOnlyList<StatusChange> Changes { get; init; } = [];
    public IReadOnlyList<DayVerdict> Days { get; init; } = [];

    /// <summary>The branch's new file baseline when this update changed it (written before the commit that names it); null when unchanged.</summary>
    public FileBaseline? Baseline { get; init; }

    public bool IsEmpty => Sets.Count == 0 && Changes.Count == 0 && Days.Count == 0;
}
