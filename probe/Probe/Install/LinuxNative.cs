using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>The two libc calls .NET has no API for: who this process is, and giving a file to another user.</summary>
[SupportedOSPlatform("linux")]
internal static partial class LinuxNative
{
    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LChown(string path, uint owner, uint group);

    /// <summary>Gives <paramref name="path"/> (not what a link points to) to the user and group; throws IOException saying why not.</summary>
    internal static void Chown(string path, uint owner, uint group)
    {
        if (LChown(path, owner, group) != 0)
        {
            throw new IOException($"chown {owner}:{group} {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }
}
