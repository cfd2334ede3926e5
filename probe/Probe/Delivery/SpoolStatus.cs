using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>What the spool holds, for <c>bkp-probe status</c>.</summary>
public sealed record SpoolStatus
{
    /// <summary>Manifests waiting to be delivered.</summary>
    public required int Count { get; init; }

    /// <summary>When the oldest waiting run finished; null when none waits.</summary>
    public DateTime? OldestFinishedUtc { get; init; }

    /// <summary>Compressed bytes of the waiting manifests.</summary>
    public required long TotalBytes { get; init; }

    /// <summary>Manifests the collector refused, kept in spool/refused for a person to look at.</summary>
    public required int RefusedCount { get; init; }

    /// <summary>Manifests dropped unsent that no accepted manifest has reported yet; null when none.</summary>
    public SpoolDropReport? PendingDrop { get; init; }
}
