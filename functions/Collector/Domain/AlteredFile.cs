namespace MonitoramentoBKP.Collector.Domain;

/// <summary>A backup that reads differently from what it was when written, without having been written again.</summary>
public sealed record AlteredFile(string Path, DateTime LastWriteUtc, string WrittenSha256, string FoundSha256);
