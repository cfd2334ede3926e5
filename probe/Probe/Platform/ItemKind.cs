namespace MonitoramentoBKP.Probe.Platform;

public enum ItemKind
{
    File,
    Directory,

    /// <summary>A symbolic link or junction; the walker decides whether to follow it.</summary>
    Link,

    /// <summary>Devices, pipes, sockets: never backup files.</summary>
    Other,
}
