namespace MonitoramentoBKP.Probe.Scheduling;

/// <summary>
/// The account the scheduled probe runs as and that alone (with Administrators/root) may open the state folder:
/// SYSTEM by default on Windows, the dedicated <c>bkp-probe</c> user by default on Linux.
/// </summary>
public sealed record TaskAccount(string Name, TaskLogon Logon)
{
    /// <summary>The name <c>--account</c> takes for the system account on either system.</summary>
    public const string SystemName = "SYSTEM";

    /// <summary>The Linux user made for the probe when no <c>--account</c> is given.</summary>
    public const string LinuxDefaultName = "bkp-probe";

    /// <summary>Windows' LocalSystem, by its well-known SID: the same on every machine and in every language.</summary>
    public const string SystemSid = "S-1-5-18";

    public bool IsSystem => Logon == TaskLogon.System;

    /// <summary>The default account for <paramref name="os"/>.</summary>
    public static TaskAccount Default(TargetOs os) => os == TargetOs.Windows ? new(SystemName, TaskLogon.System) : new(LinuxDefaultName, TaskLogon.S4U);

    /// <summary>The user name systemd's User= takes: root for the system account.</summary>
    public string LinuxUser => IsSystem ? "root" : Name;
}
