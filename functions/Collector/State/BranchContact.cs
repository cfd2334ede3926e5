using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.State;

/// <summary>What the collector knows of a branch's probe: when it last reported, with which version, its newest manifest, its latest update event, and whether it was uninstalled.</summary>
public sealed record BranchContact
{
    public DateTime? LastContactUtc { get; init; }
    public string? ProbeVersion { get; init; }
    public string? HostName { get; init; }

    /// <summary>Run time and blob of the newest manifest accepted (the next one's "previous").</summary>
    public DateTime? LastRunUtc { get; init; }
    public string? LastManifestBlob { get; init; }

    /// <summary>The blob holding the branch's file baseline (<see cref="Domain.FileBaseline"/>); null before the first one.</summary>
    public string? BaselineBlob { get; init; }

    /// <summary>Set by the sweep when the probe stopped reporting; cleared by the next manifest.</summary>
    public bool Silent { get; init; }

    /// <summary>The probe's latest update event as its newest manifest reported it; null when it reported none.</summary>
    public UpdateReport? Update { get; init; }

    /// <summary>
    /// When the probe said it was being uninstalled: from then the sweep judges nothing of the branch (no SILENT, no
    /// MISSED); cleared by the next manifest or enrollment.
    /// </summary>
    public DateTime? UninstalledUtc { get; init; }

    /// <summary>The latest silence the Alertas log knows of (in effect while its <c>EndedUtc</c> is null); kept after it ends so alerts planned inside it stay silenced.</summary>
    public Silencing.BranchSilence? Silence { get; init; }
}
