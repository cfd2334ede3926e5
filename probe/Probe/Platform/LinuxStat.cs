using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace MonitoramentoBKP.Probe.Platform;

/// <summary>
/// statx(2): one call gives type, size, nanosecond mtime, inode and device, in a layout that is the same on
/// every Linux architecture (unlike struct stat).
/// </summary>
[SupportedOSPlatform("linux")]
internal static unsafe partial class LinuxStat
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const int AtStatxDontSync = 0x4000;
    private const uint StatxBasicStats = 0x7ff;

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(20)] public uint Uid;
        [FieldOffset(24)] public uint Gid;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long MtimeSeconds;
        [FieldOffset(120)] public uint MtimeNanoseconds;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxPath(int dirFd, string path, int flags, uint mask, out Statx buffer);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxFd(int dirFd, string path, int flags, uint mask, out Statx buffer);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int StatxAt(int dirFd, byte* name, int flags, uint mask, out Statx buffer);

    public static bool TryStat(string path, bool followLinks, out FileSystemItem item)
    {
        var flags = AtStatxDontSync | (followLinks ? 0 : AtSymlinkNoFollow);
        if (StatxPath(AtFdCwd, path, flags, StatxBasicStats, out var s) != 0)
        {
            item = default;
            return false;
        }

        item = ToItem(s);
        return true;
    }

    /// <summary>Who owns <paramref name="path"/> (links not followed); false when it cannot be stat'ed.</summary>
    public static bool TryOwner(string path, out uint uid, out uint gid)
    {
        var ok = StatxPath(AtFdCwd, path, AtStatxDontSync | AtSymlinkNoFollow, StatxBasicStats, out var s) == 0;
        (uid, gid) = ok ? (s.Uid, s.Gid) : (0u, 0u);
        return ok;
    }

    /// <summary>Stats a name (NUL-terminated UTF-8) inside an open folder, links not followed.</summary>
    public static bool TryStatAt(int directoryFd, byte* name, out FileSystemItem item)
    {
        if (StatxAt(directoryFd, name, AtStatxDontSync | AtSymlinkNoFollow, StatxBasicStats, out var s) != 0)
        {
            item = default;
            return false;
        }

        item = ToItem(s);
        return true;
    }

    private static FileSystemItem ToItem(in Statx s)
    {

        var kind = (s.Mode & 0xF000) switch
        {
            0x8000 => ItemKind.File,
            0x4000 => ItemKind.Directory,
            0xA000 => ItemKind.Link,
            _ => ItemKind.Other,
        };
        return new FileSystemItem("", kind, (long)s.Size, Ticks(s), s.Inode, ((ulong)s.DevMajor << 32) | s.DevMinor);
    }

    public static bool TryStat(SafeFileHandle handle, out FileStamp stamp)
    {
        var fd = (int)handle.DangerousGetHandle();
        if (StatxFd(fd, "", AtEmptyPath | AtStatxDontSync, StatxBasicStats, out var s) != 0)
        {
            stamp = default;
            return false;
        }

        stamp = new FileStamp((long)s.Size, Ticks(s));
        return true;
    }

    private static long Ticks(in Statx s) =>
        DateTime.UnixEpoch.Ticks + (s.MtimeSeconds * TimeSpan.TicksPerSecond) + (s.MtimeNanoseconds / 100);
}
