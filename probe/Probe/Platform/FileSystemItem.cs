namespace MonitoramentoBKP.Probe.Platform;

/// <summary>
/// What one directory entry (or a link's target) looks like, read with a single stat where the OS allows.
/// <see cref="FileId"/> and <see cref="DeviceId"/> are 0 where the OS does not give them cheaply.
/// </summary>
public readonly record struct FileSystemItem(string Name, ItemKind Kind, long Size, long LastWriteUtcTicks, ulong FileId, ulong DeviceId);
