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

    /// <summary>A silence (maintenance) began on the set: logged, sent to no channel.</summary>
    Silenced,

    /// <summary>A silence ended: logged; when the set is still wrong, announced once on the channels.</summary>
    SilenceEnded,
}
