using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>The result of reading one file: its hash and archive verdict, or why there is none; and its metadata as seen on the open file.</summary>
public sealed record HashOutcome(string? Sha256, ArchiveReport Archive, ProblemReport? Error, long Size, long LastWriteUtcTicks);
