using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>What the probe last learned of one file: the metadata it was hashed under, its hash, and its archive verdict.</summary>
public sealed record CacheEntry(long Size, long LastWriteUtcTicks, ulong FileId, string Sha256, long VerifiedUtcTicks, ArchiveReport Archive)
{
    /// <summary>Same file as when it was hashed: size and time equal, and the file id too where both sides know it.</summary>
    public bool Matches(FileCandidate file) =>
        Size == file.Size && LastWriteUtcTicks == file.LastWriteUtcTicks && (FileId == 0 || file.FileId == 0 || FileId == file.FileId);
}
