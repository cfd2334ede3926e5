using Cronos;

namespace MonitoramentoBKP.Collector.Registry;

/// <summary>What is expected of one backup set of one branch, after its template and the branch's overrides were merged.</summary>
public sealed record BackupSetPolicy
{
    /// <summary>The IANA zone of a set whose template and branch name none.</summary>
    public const string DefaultTimeZone = "America/Sao_Paulo";

    public const int DefaultMaxShrinkPercent = 30;
    public const int DefaultGenerations = 1;
    public const bool DefaultArchivesMustPass = true;

    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(2);

    /// <summary>The longest grace the registry accepts: beyond it a set could never be missed in a lifetime of the product.</summary>
    public static readonly TimeSpan MaxGrace = TimeSpan.FromDays(3650);

    public required string Id { get; init; }
    public required string Root { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Patterns of files under the root that are not part of the set, for the probe.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Whether the probe walks the root's subfolders.</summary>
    public bool Recurse { get; init; } = true;

    /// <summary>Bytes of this set's already-known files the probe re-reads per run; null lets the probe size it.</summary>
    public long? ReverifyBudgetBytes { get; init; }

    /// <summary>When backups are made (cron, in <see cref="TimeZone"/>); e.g. dumps at 10:00 and 22:00.</summary>
    public required IReadOnlyList<CronExpression> Schedule { get; init; }

    /// <summary>The cron texts as written, for people and for storage.</summary>
    public required IReadOnlyList<string> ScheduleText { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>How long after a slot a backup may still arrive before the set is missed.</summary>
    public TimeSpan Grace { get; init; } = DefaultGrace;

    public long MinSizeBytes { get; init; }

    /// <summary>How far the newest backup may fall below the median of recent good ones, in percent.</summary>
    public int MaxShrinkPercent { get; init; } = DefaultMaxShrinkPercent;

    /// <summary>How many backup files should be kept in the folder.</summary>
    public int Generations { get; init; } = DefaultGenerations;

    public long MinFreeBytes { get; init; }

    public bool ArchivesMustPass { get; init; } = DefaultArchivesMustPass;

    public required BusinessCalendar Calendar { get; init; }
}
