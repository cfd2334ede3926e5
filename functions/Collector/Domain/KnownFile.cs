namespace MonitoramentoBKP.Collector.Domain;

/// <summary>
/// A file of a set as it was when written: the first hash seen for its path with that size and last-write time
/// (the probe's own clock, as the file system keeps it). While the file reads differently without having been
/// written again, <see cref="FoundSha256"/> holds what was last read, so ops can acknowledge it.
/// </summary>
public sealed record KnownFile(string Path, string Sha256, long Size, DateTime LastWriteUtc)
{
    /// <summary>The content last read when it differed from <see cref="Sha256"/>; null while the file reads as written.</summary>
    public string? FoundSha256 { get; init; }

    public bool Altered => FoundSha256 is not null;
}
