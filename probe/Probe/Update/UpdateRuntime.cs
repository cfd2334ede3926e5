using System.Runtime.InteropServices;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>The runtime identifier of this process as releases name their files: <c>win-x64</c>, <c>linux-x64</c>, <c>linux-arm64</c>.</summary>
public static class UpdateRuntime
{
    public static string Current { get; } =
        $"{(OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux")}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
}
