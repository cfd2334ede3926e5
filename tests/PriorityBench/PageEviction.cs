using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MonitoramentoBKP.PriorityBench;

/// <summary>Drops files from the page cache (posix_fadvise DONTNEED), so every read in a measurement comes from the disk.</summary>
internal static partial class PageEviction
{
    private const int DontNeed = 4;

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Advise(SafeFileHandle fd, long offset, long length, int advice);

    public static void Evict(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
            Advise(handle, 0, 0, DontNeed);
        }
    }
}
