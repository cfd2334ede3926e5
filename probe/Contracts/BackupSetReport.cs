namespace MonitoramentoBKP.Contracts;

/// <summary>What one backup set (a folder plus patterns) held at the time of the run.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record BackupSetReport
{
    public required string Id { get; init; }
    public required string RootPath { get; init; }
    public required bool Exists { get; init; }
    public required bool Readable { get; init; }

    /// <summary>Why the root could not be read, when <see cref="Exists"/> or <see cref="Readable"/> is false.</summary>
    public ProblemReport? Error { get; init; }

    public required int FileCount { get; init; }
    public required long TotalBytes { get; init; }
    public long? VolumeFreeBytes { get; init; }
    public long? VolumeTotalBytes { get; init; }

    public required IReadOnlyList<FileReport> Files { get; init; }

    private readonly IReadOnlyList<SkippedEntry> _skipped = [];

    /// <summary>Directories and links seen but not entered (link cycles, unreadable subfolders), so nothing is silently dropped.</summary>
    /// <remarks>
    /// Optional on the wire (none skipped). Source-generated reading sets an init-only property that the JSON leaves
    /// out to null rather than keeping its initializer (dotnet/runtime#84484), so null is taken as none here: every
    /// reader of a manifest can count on a list.
    /// </remarks>
    public IReadOnlyList<SkippedEntry> Skipped { get => _skipped; init => _skipped = value ?? []; }
}
