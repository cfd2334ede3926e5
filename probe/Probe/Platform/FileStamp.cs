namespace MonitoramentoBKP.Probe.Platform;

/// <summary>Size and last-write time of an open file, compared before and after reading it.</summary>
public readonly record struct FileStamp(long Size, long LastWriteUtcTicks);
