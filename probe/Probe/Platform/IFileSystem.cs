using Microsoft.Win32.SafeHandles;

namespace MonitoramentoBKP.Probe.Platform;

/// <summary>
/// The narrow seam between the engine and the disk. The real one is <see cref="LocalFileSystem"/>; tests
/// decorate it to produce what a Linux test machine cannot (a Windows sharing violation, say).
/// </summary>
public interface IFileSystem
{
    /// <summary>The entries of one folder (no '.'/'..'), links not followed. Throws the usual IO exceptions.</summary>
    IEnumerable<FileSystemItem> List(string directory);

    /// <summary>The item a path finally designates, following links; null when nothing is there (or a link is broken).</summary>
    FileSystemItem? Stat(string path);

    /// <summary>A stable identity for a folder reached through a link, to stop link cycles: device+inode, or the resolved path.</summary>
    string DirectoryIdentity(string path, in FileSystemItem item);

    /// <summary>Opens for reading while others keep writing or deleting (a backup job must never be disturbed).</summary>
    SafeFileHandle OpenRead(string path);

    FileStamp Stamp(SafeFileHandle handle);

    VolumeSpace? Space(string path);
}
