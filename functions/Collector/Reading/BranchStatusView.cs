using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Contracts.Releases;

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

    /// <summary>The probe's latest update event as it reported it (outcome, version, previous version, time, detail).</summary>
    public UpdateReport? Update { get; init; }

    /// <summary>When the probe said it was uninstalled; null unless it still is.</summary>
    public DateTime? UninstalledUtc { get; init; }

    /// <summary>The sheet's words about the probe (uninstalled, or an update rolled back), in both languages; null when there is nothing to say.</summary>
    public Text? ProbeNote { get; init; }
    public required IReadOnlyList<SetStatusView> Sets { get; init; }
}
