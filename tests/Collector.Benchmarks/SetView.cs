namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>One set of a branch view: its status, its newest backup, and the day grid (local day → verdict).</summary>
public sealed record SetView(string SetId, string Status, string? NewestBackup, long? NewestBackupBytes, DateTime? NewestBackupUtc, IReadOnlyDictionary<DateOnly, string> Days);
