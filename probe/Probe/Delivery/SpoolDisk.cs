namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>The real disk under the spool.</summary>
public sealed class SpoolDisk : ISpoolDisk
{
    public static readonly SpoolDisk Instance = new();

    public void WriteNew(string path, Action<Stream> write)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        write(file);
        // A rename after a power cut must not reveal an entry whose bytes never reached the disk.
        file.Flush(flushToDisk: true);
    }

    /// <summary>Whether an exception is the disk being full: ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows, ENOSPC elsewhere.</summary>
    public static bool IsDiskFull(IOException e) => OperatingSystem.IsWindows()
        ? (e.HResult & 0xFFFF) is 0x70 or 0x27
        : e.HResult == 28;
}
