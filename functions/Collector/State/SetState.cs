using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.State;

/// <summary>Where one backup set of one branch stands now, and what the collector remembers to judge the next run.</summary>
public sealed record SetState
{
    public required string SetId { get; init; }
    public SetStatus Status { get; init; } = SetStatus.Unknown;

    /// <summary>Since when the set has had this status.</summary>
    public DateTime? SinceUtc { get; init; }

    public IReadOnlyList<FindingRecord> Reasons { get; init; } = [];

    /// <summary>The newest backup file the last judged run saw.</summary>
    public BackupObservation? Newest { get; init; }

    /// <summary>Run time (probe clock) and id of the manifest the current status comes from.</summary>
    public DateTime? LastRunUtc { get; init; }
    public Guid? LastRunId { get; init; }

    /// <summary>Newest backups of earlier good runs, newest first: the set's own history for the size median and repeats.</summary>
    public IReadOnlyList<BackupObservation> RecentBackups { get; init; } = [];

    /// <summary>When the sweep must next look at this set (the next slot plus grace).</summary>
    public DateTime? NextCheckDueUtc { get; init; }
}
