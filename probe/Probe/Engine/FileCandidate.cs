namespace MonitoramentoBKP.Probe.Engine;

/// <summary>A file the walker found in a set, before anything was read from it.</summary>
public sealed record FileCandidate(string RelativePath, string FullPath, long Size, long LastWriteUtcTicks, ulong FileId)
{
    /// <summary>Set when the entry cannot be read at all (a broken link).</summary>
    public Contracts.ProblemReport? Error { get; init; }
}
