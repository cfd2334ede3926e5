namespace MonitoramentoBKP.Contracts;

/// <summary>
/// One probe run's inventory of the backup sets of one branch machine. This is the wire contract between
/// the probe and the collector; <see cref="CurrentSchemaVersion"/> changes whenever its meaning changes.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record Manifest
{
    public const int CurrentSchemaVersion = 1;

    public required int SchemaVersion { get; init; }

    /// <summary>Unique per run; a retry of the same run sends the same id, so the collector can de-duplicate.</summary>
    public required Guid RunId { get; init; }

    public required string BranchId { get; init; }
    public required string ProbeVersion { get; init; }
    public required string HostName { get; init; }
    public required string Os { get; init; }
    public required DateTime StartedUtc { get; init; }
    public required DateTime FinishedUtc { get; init; }

    /// <summary>How the local hash cache was found at the start of the run.</summary>
    public required CacheReport Cache { get; init; }

    public required IReadOnlyList<BackupSetReport> Sets { get; init; }

    /// <summary>Earlier manifests of this probe dropped unsent because its spool was full; absent when none is pending.</summary>
    public SpoolDropReport? SpoolDropped { get; init; }

    /// <summary>The probe's latest update event (updated, refused, failed its self-test, rolled back); absent when it never had one.</summary>
    public Releases.UpdateReport? Update { get; init; }
}
