namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>The probe's settings after every source (command line, BKP_* environment, probe.json, defaults) was merged and validated.</summary>
public sealed record ProbeConfig
{
    public const int MaxParallel = 64;

    public required string BranchId { get; init; }
    public required string StateDirectory { get; init; }
    public required IReadOnlyList<BackupSetConfig> Sets { get; init; }

    /// <summary>Files hashed at once among small files (many small files pay for concurrency).</summary>
    public required int Parallel { get; init; }

    /// <summary>Large files hashed at once; 1 keeps a spinning disk reading one file sequentially.</summary>
    public required int LargeFileParallel { get; init; }

    /// <summary>Files at or above this size go to the large-file lane.</summary>
    public long LargeFileThreshold { get; init; } = 64L * 1024 * 1024;

    /// <summary>Bytes of already-known files re-read per run; null sizes it so every file is re-read within <see cref="ReverifyPeriod"/>.</summary>
    public long? ReverifyBudgetBytes { get; init; }

    public TimeSpan ReverifyPeriod { get; init; } = TimeSpan.FromDays(30);

    public required Language Language { get; init; }

    /// <summary>The collector's base address (absolute http/https, no query); only <c>run</c> needs it.</summary>
    public Uri? CollectorUrl { get; init; }

    /// <summary>The Azure Functions key sent as x-functions-key; null when the collector asks for none (a local host).</summary>
    public string? CollectorKey { get; init; }

    /// <summary>Where the settings came from, for messages ("probe.json", "--set").</summary>
    public string? SourcePath { get; init; }
}
