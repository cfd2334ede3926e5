using MonitoramentoBKP.Probe.Delivery;

namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>The probe's settings after every source (command line, BKP_* environment, probe.json, defaults) was merged and validated.</summary>
public sealed record ProbeConfig
{
    public const int MaxParallel = 64;

    public const string DefaultUpdateChannel = "stable";

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

    /// <summary>The branch's private signing key (written by <c>enroll</c>): DPAPI-protected on Windows, a 0600 PKCS#8 file elsewhere.</summary>
    public required string KeyFile { get; init; }

    /// <summary>Where <see cref="Sets"/> came from ("--set" or probe.json's path); null when none were given locally (run uses the collector's policy).</summary>
    public string? SetsSource { get; init; }

    /// <summary>How many undelivered manifests, and how many bytes of them, the spool keeps (probe.json "spool").</summary>
    public SpoolLimits Spool { get; init; } = SpoolLimits.Default;

    /// <summary>Where the settings came from, for messages ("probe.json", "--set").</summary>
    public string? SourcePath { get; init; }

    /// <summary>The release channel the probe follows (probe.json "updateChannel").</summary>
    public string UpdateChannel { get; init; } = DefaultUpdateChannel;

    /// <summary>Release keys (base64 SPKI) replacing the ones built into the probe (probe.json "releaseKeys"); null: the built-in ones.</summary>
    public IReadOnlyList<string>? ReleaseKeys { get; init; }

    /// <summary>Whether <c>run</c> looks for and installs updates (probe.json "updates").</summary>
    public bool Updates { get; init; } = true;
}
