namespace MonitoramentoBKP.Collector.Domain;

/// <summary>A backup file as one manifest saw it; the history keeps the newest backup of each judged run.</summary>
public sealed record BackupObservation(string Path, long Size, DateTime LastWriteUtc, string Sha256);
