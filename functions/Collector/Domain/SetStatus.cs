namespace MonitoramentoBKP.Collector.Domain;

/// <summary>How a backup set stands. <see cref="SetStatusOrder.Rank"/> orders them from best to worst.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SetStatus>))]
public enum SetStatus
{
    /// <summary>Never judged yet (a new branch, or a paused one).</summary>
    Unknown,

    Ok,

    /// <summary>Backups exist but something deserves a look (shrinking, low disk, few generations).</summary>
    Warning,

    /// <summary>The probe itself stopped reporting.</summary>
    Silent,

    /// <summary>No new backup by the time the schedule expected one.</summary>
    Missed,

    /// <summary>The backup is missing, empty, corrupt, too small or altered: a restore would fail.</summary>
    Failed,
}
