namespace MonitoramentoBKP.Collector.Reading;

/// <summary>One branch as the status endpoints show it.</summary>
public sealed record BranchStatusView
{
    public required string BranchId { get; init; }
    public required string Name { get; init; }
    public bool Paused { get; init; }
    public bool Retired { get; init; }
    public bool Silent { get; init; }
    public DateTime? LastContactUtc { get; init; }
    public string? ProbeVersion { get; init; }
    public required IReadOnlyList<SetStatusView> Sets { get; init; }
}
