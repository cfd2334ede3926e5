using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Domain;

/// <summary>
/// A backup file as one manifest saw it; the history keeps the newest backup of each judged run. The path is
/// stored bounded (<see cref="Bounded.Path"/>), so compare with <see cref="IsSame"/>, never with the raw path.
/// </summary>
public sealed record BackupObservation(string Path, long Size, DateTime LastWriteUtc, string Sha256)
{
    public static BackupObservation Of(FileReport file) => new(Bounded.Path(file.Path), file.Size, file.LastWriteUtc, file.Sha256!);

    /// <summary>Whether this is that file as it was already seen (same path, same last write).</summary>
    public bool IsSame(FileReport file) => LastWriteUtc == file.LastWriteUtc && Path == Bounded.Path(file.Path);
}
