namespace MonitoramentoBKP.Contracts;

/// <summary>
/// The bounds of a manifest, shared by <see cref="ManifestValidator"/>, manifest.schema.json (a test holds the
/// schema to these numbers) and the probe, which fits what a real machine gives it inside them. Each is set
/// well above anything a real probe reports, so only absurd or forged input meets it, and meets a 400 that
/// names the field instead of a fault further in. Lengths are UTF-16 code units, as Windows counts paths.
/// </summary>
public static class ManifestLimits
{
    /// <summary>Branch and set ids: short names people type in probe.json and the registry.</summary>
    public const int MaxIdLength = 64;

    /// <summary>A version such as "0.1.0" or "1.12.3-rc.2".</summary>
    public const int MaxProbeVersionLength = 64;

    /// <summary>A DNS name is at most 253 characters, a NetBIOS name 15.</summary>
    public const int MaxHostNameLength = 255;

    /// <summary>RuntimeInformation.OSDescription: one line such as "Microsoft Windows 10.0.17763".</summary>
    public const int MaxOsLength = 255;

    /// <summary>
    /// A set's root is a full path: 32,767 is the longest path Windows opens (an extended-length path), so any
    /// root a probe can scan fits; Linux refuses paths of more than 4,096 bytes.
    /// </summary>
    public const int MaxRootPathLength = 32_767;

    /// <summary>
    /// A file or skipped folder's path relative to its set's root. Backup tools name their files in tens of
    /// characters, a few folders deep; 4,096 is Linux's PATH_MAX for a whole path, and a relative path longer than
    /// that is not a real backup. The probe reports such a file with a per-file problem under a shortened path.
    /// </summary>
    public const int MaxRelativePathLength = 4_096;

    /// <summary>
    /// Free text from the system or an archive library (a problem's detail, a corrupt archive's reason, the cache's
    /// detail): one or two lines, with a path at most. The probe shortens longer messages.
    /// </summary>
    public const int MaxDetailLength = 4_096;

    /// <summary>Backup sets on one branch machine: a handful in practice (SQL dumps, zipped copies, documents).</summary>
    public const int MaxSets = 100;

    /// <summary>
    /// Files in one set. A set is a folder of dumps and archives kept for some generations: hundreds of files,
    /// tens of thousands for a file-by-file copy. 250,000 hashed files are about 15 MB of gzip (some 60 bytes a
    /// file, most of it the SHA-256), inside the collector's 32 MiB body. The probe reports a larger set as
    /// unreadable (with why) instead of listing it.
    /// </summary>
    public const int MaxFilesPerSet = 250_000;

    /// <summary>Folders and links of one set not entered (link cycles, unreadable folders); more means a broken tree.</summary>
    public const int MaxSkippedPerSet = 10_000;

    /// <summary>
    /// The earliest plausible moment of a run, a file's last write or a verification: older is a reset clock or a
    /// file with no real time (NTFS's 1601, Unix's 1970, FAT's 1980), not a backup to judge.
    /// </summary>
    public static readonly DateTime EarliestUtc = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The first implausible moment (exclusive): a time from 2100 on is a broken clock.</summary>
    public static readonly DateTime EndUtc = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Whether a moment lies in [<see cref="EarliestUtc"/>, <see cref="EndUtc"/>).</summary>
    public static bool IsPlausible(DateTime utc) => utc >= EarliestUtc && utc < EndUtc;
}
