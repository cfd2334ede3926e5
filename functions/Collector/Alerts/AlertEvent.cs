namespace MonitoramentoBKP.Collector.Alerts;

/// <summary>What an alert row tells: a problem opened, got worse, is still there (daily), came back after a flap, or was resolved.</summary>
public enum AlertEvent
{
    Opened,
    Escalated,
    Reminder,
    Reopened,
    Resolved,

    /// <summary>Ops acknowledged altered backups of the set, with a reason.</summary>
    Acknowledged,
}
