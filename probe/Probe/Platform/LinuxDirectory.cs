using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace MonitoramentoBKP.Probe.Platform;

/// <summary>
/// Lists a folder with readdir and stats each entry by name relative to the open folder (statx on the
/// directory's fd), so the kernel does not resolve the whole path again for every file, the way find does.
/// </summary>
[SupportedOSPlatform("linux")]
internal static unsafe partial class LinuxDirectory
{
    private const int ENOENT = 2;
    private const int EACCES = 13;
    private const int EPERM = 1;
    private const int ENOTDIR = 20;

    // struct dirent64 on 64-bit Linux: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
    private const int NameOffset = 19;

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OpenDir(string path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial nint ReadDir(nint directory);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint directory);

    [LibraryImport("libc", EntryPoint = "dirfd")]
    private static partial int DirFd(nint directory);

    public static List<FileSystemItem> List(string path)
    {
        var directory = OpenDir(path);
        if (directory == 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), path);
        }

        try
        {
            var fd = DirFd(directory);
            var items = new List<FileSystemItem>();
            while (true)
            {
                Marshal.SetLastPInvokeError(0);
                var entry = ReadDir(directory);
                if (entry == 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    return errno == 0 ? items : throw Error(errno, path);
                }

                var name = (byte*)entry + NameOffset;
                var length = new ReadOnlySpan<byte>(name, 256).IndexOf((byte)0);
                if (length < 0 || (length == 1 && name[0] == '.') || (length == 2 && name[0] == '.' && name[1] == '.'))
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(name, length);
                items.Add(LinuxStat.TryStatAt(fd, name, out var item)
                    ? item with { Name = text }

                    // Vanished between readdir and stat: the hasher will find it missing and say so.
                    : new FileSystemItem(text, ItemKind.File, 0, 0, 0, 0));
            }
        }
        finally
        {
            CloseDir(directory);
        }
    }

    private static Exception Error(int errno, string path) => errno switch
    {
        ENOENT or ENOTDIR => new DirectoryNotFoundException($"Could not find a part of the path '{path}'."),
        EACCES or EPERM => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
        _ => new IOException($"{Marshal.GetPInvokeErrorMessage(errno)}: '{path}'", errno),
    };
}
