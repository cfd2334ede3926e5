using System.IO.Enumeration;
using Microsoft.Win32.SafeHandles;

namespace MonitoramentoBKP.Probe.Platform;

/// <summary>
/// The real disk. On Linux one statx per entry, relative to the open folder, yields size, nanosecond mtime,
/// inode and device together; elsewhere the data the directory listing itself carries.
/// </summary>
public sealed class LocalFileSystem : IFileSystem
{
    public static readonly LocalFileSystem Instance = new();

    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    public IEnumerable<FileSystemItem> List(string directory)
    {
        if (OperatingSystem.IsLinux())
        {
            return LinuxDirectory.List(directory);
        }

        return new FileSystemEnumerable<FileSystemItem>(directory, ToPortableItem, ListOptions);
    }

    public FileSystemItem? Stat(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return LinuxStat.TryStat(path, followLinks: true, out var item) ? item with { Name = Path.GetFileName(path) } : null;
        }

        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        if (!info.Exists)
        {
            return null;
        }

        var kind = info is DirectoryInfo ? ItemKind.Directory : ItemKind.File;
        return new FileSystemItem(info.Name, kind, info is FileInfo f ? f.Length : 0, info.LastWriteTimeUtc.Ticks, 0, 0);
    }

    public string DirectoryIdentity(string path, in FileSystemItem item)
    {
        if (item.FileId != 0)
        {
            return $"{item.DeviceId}:{item.FileId}";
        }

        var resolved = Directory.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        var trimmed = Path.TrimEndingDirectorySeparator(resolved);
        return OperatingSystem.IsWindows() ? trimmed.ToUpperInvariant() : trimmed;
    }

    public SafeFileHandle OpenRead(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);

    public FileStamp Stamp(SafeFileHandle handle)
    {
        if (OperatingSystem.IsLinux() && LinuxStat.TryStat(handle, out var stamp))
        {
            return stamp;
        }

        return new FileStamp(RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle).Ticks);
    }

    public VolumeSpace? Space(string path)
    {
        try
        {
            // Windows wants the drive root; on Unix statfs accepts any path on the volume.
            var drive = new DriveInfo(OperatingSystem.IsWindows() ? Path.GetPathRoot(Path.GetFullPath(path))! : path);
            return new VolumeSpace(drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static FileSystemItem ToPortableItem(ref FileSystemEntry entry)
    {
        var attributes = entry.Attributes;
        var kind = (attributes & FileAttributes.ReparsePoint) != 0 ? ItemKind.Link
            : entry.IsDirectory ? ItemKind.Directory
            : (attributes & FileAttributes.Device) != 0 ? ItemKind.Other
            : ItemKind.File;
        return new FileSystemItem(entry.FileName.ToString(), kind, entry.IsDirectory ? 0 : entry.Length, entry.LastWriteTimeUtc.UtcTicks, 0, 0);
    }
}
