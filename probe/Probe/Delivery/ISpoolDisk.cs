namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// The one write the spool makes that a disk can refuse for lack of room: a new file's content. The real one is
/// <see cref="SpoolDisk"/>; tests put a full disk behind it. Renames and deletes need no room and go to the disk directly.
/// </summary>
public interface ISpoolDisk
{
    /// <summary>Creates <paramref name="path"/> (which must not exist), lets <paramref name="write"/> fill it, and flushes it to the disk before returning.</summary>
    void WriteNew(string path, Action<Stream> write);
}
