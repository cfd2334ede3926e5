namespace MonitoramentoBKP.Contracts;

/// <summary>The verdict of reading an archive through and checking its integrity data.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ArchiveReport
{
    public static readonly ArchiveReport NotAnArchive = new() { Verdict = ArchiveVerdict.NotArchive };
    public static readonly ArchiveReport NotTested = new() { Verdict = ArchiveVerdict.NotTested };

    public required ArchiveVerdict Verdict { get; init; }

    /// <summary>zip, 7z, tar, gzip or tar.gz.</summary>
    public string? Format { get; init; }

    public int? Entries { get; init; }

    /// <summary>Why the archive is corrupt (which entry, what check failed).</summary>
    public string? Reason { get; init; }
}
