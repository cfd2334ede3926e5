namespace MonitoramentoBKP.Probe.Scheduling;

/// <summary>
/// What the task or timer runs every time, exactly as the shared design fixes it: the current version's <c>run</c>,
/// then, when a previous version is kept, that previous version's <c>recover</c>, which rolls a failing update back
/// without depending on the new version to work.
/// </summary>
public static class ScheduledCommand
{
    /// <summary>The Windows action's program: cmd.exe runs both steps in one action, the second after the first whatever its exit code.</summary>
    public const string WindowsShell = @"%SystemRoot%\System32\cmd.exe";

    /// <summary>cmd.exe's arguments (/d: no AutoRun commands of the machine in between).</summary>
    public static string WindowsArguments(InstallLayout layout) =>
        $"/d /c \"\"{layout.Executable}\" run --config \"{layout.ConfigPath}\" & if exist \"{layout.PreviousExecutable}\" \"{layout.PreviousExecutable}\" recover --config \"{layout.ConfigPath}\"\"";

    public static string LinuxExecStart(InstallLayout layout) => $"{layout.Executable} run --config {layout.ConfigPath}";

    /// <summary>'-': the unit's result is the run's, not the recovery's.</summary>
    public static string LinuxExecStopPost(InstallLayout layout) =>
        $"-/bin/sh -c 'if [ -x {layout.PreviousExecutable} ]; then exec {layout.PreviousExecutable} recover --config {layout.ConfigPath}; fi'";
}
