namespace MonitoramentoBKP.Collector.Domain;

/// <summary>What the collector remembers of a set before the manifest being judged.</summary>
public sealed record SetHistory
{
    public static readonly SetHistory Empty = new();

    /// <summary>The newest backup of earlier runs judged good, newest first, one entry per distinct backup.</summary>
    public IReadOnlyList<BackupObservation> RecentBackups { get; init; } = [];

    /// <summary>Every file of the previous manifest, by path: what a known backup looked like when last seen.</summary>
    public IReadOnlyDictionary<string, BackupObservation> KnownFiles { get; init; } = new Dictionary<string, BackupObservation>();
}
