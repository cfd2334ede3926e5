namespace MonitoramentoBKP.Collector.Domain;

/// <summary>What the collector remembers of a set before the manifest being judged.</summary>
public sealed record SetHistory
{
    public static readonly SetHistory Empty = new();

    /// <summary>The newest backup of earlier runs judged good, newest first, one entry per distinct backup.</summary>
    public IReadOnlyList<BackupObservation> RecentBackups { get; init; } = [];

    /// <summary>Backups of this run that read differently from what they were when written (see <see cref="FileBaseline"/>).</summary>
    public IReadOnlyList<AlteredFile> Altered { get; init; } = [];
}
