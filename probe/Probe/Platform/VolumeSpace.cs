namespace MonitoramentoBKP.Probe.Platform;

public readonly record struct VolumeSpace(long FreeBytes, long TotalBytes);
