using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>MoveFileEx: the one way to delete a file that is in use (this very program) once Windows restarts.</summary>
[SupportedOSPlatform("windows")]
internal static partial class WindowsNative
{
    private const uint DelayUntilReboot = 0x4;

    [LibraryImport("kernel32.dll", EntryPoint = "MoveFileExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool MoveFileEx(string existing, string? replacement, uint flags);

    /// <summary>Asks Windows to delete <paramref name="path"/> at the next restart (administrators only); false when it refused.</summary>
    internal static bool DeleteAtReboot(string path) => MoveFileEx(path, null, DelayUntilReboot);
}
