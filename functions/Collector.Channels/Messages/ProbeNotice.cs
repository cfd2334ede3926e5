namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>A branch's probe that needs a look: it runs an old version, or its last update failed (with the probe's own words for why).</summary>
public sealed record ProbeNotice
{
    public required string BranchId { get; init; }
    public required string BranchName { get; init; }
    public required string Version { get; init; }

    /// <summary>True when the probe tried to update and failed; false when it is merely on an old version.</summary>
    public bool UpdateFailed { get; init; }

    /// <summary>What the probe reported about the failed update, if anything.</summary>
    public string? Detail { get; init; }
}
