namespace MonitoramentoBKP.Probe.Scheduling;

/// <summary>How the scheduler starts the probe as its account when nobody is logged on.</summary>
public enum TaskLogon
{
    /// <summary>The system account (Windows SYSTEM, S-1-5-18; Linux root): no password, full local access.</summary>
    System,

    /// <summary>
    /// A named account without a stored password (Windows Service-for-User). It reads local folders and talks HTTP to
    /// the collector, but holds no credentials for the network: backups on a share need <see cref="Password"/>.
    /// On Linux every named account is started this way (systemd's User=).
    /// </summary>
    S4U,

    /// <summary>A named Windows account whose password the Task Scheduler stores (asked by schtasks at install), for backups on a network share.</summary>
    Password,
}
