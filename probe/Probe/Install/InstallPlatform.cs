using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>The <see cref="IInstallPlatform"/> of the system this process runs on.</summary>
public static class InstallPlatform
{
    public static IInstallPlatform ForThisSystem(string? root, InstallMessages messages) =>
        OperatingSystem.IsWindows() ? new WindowsInstall(root, messages)
        : OperatingSystem.IsLinux() ? new LinuxInstall(root, messages)
        : throw new PlatformNotSupportedException("install: Windows or Linux only");
}
