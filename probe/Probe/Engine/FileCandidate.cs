using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// A file the walker found in a set, before anything was read from it. The full path is built only when the
/// file is opened: a re-scan of unchanged files never needs it.
/// </summary>
public sealed class FileCandidate(string relativePath, string directory, string name, long size, long lastWriteUtcTicks, ulong fileId)
{
    public string RelativePath { get; } = relativePath;
    public string Directory { get; } = directory;
    public string Name { get; } = name;
    public long Size { get; } = size;
    public long LastWriteUtcTicks { get; } = lastWriteUtcTicks;

    /// <summary>Inode on Linux; 0 where the OS gives no id cheaply.</summary>
    public ulong FileId { get; } = fileId;

    /// <summary>Set when the entry cannot be read at all (a broken link).</summary>
    public ProblemReport? Error { get; init; }

    public string FullPath => Path.Join(Directory, Name);
}
