using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>What the walker saw of one set's folder: its files (sorted by path), what it did not enter, and the root's own state.</summary>
public sealed record WalkResult(bool Exists, bool Readable, ProblemReport? Error, IReadOnlyList<FileCandidate> Files, IReadOnlyList<SkippedEntry> Skipped);
