using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Reading;

/// <summary>One set as the status endpoints show it.</summary>
public sealed record SetStatusView
{
    public required string SetId { get; init; }
    public required SetStatus Status { get; init; }
    public DateTime? SinceUtc { get; init; }
    public IReadOnlyList<FindingRecord> Reasons { get; init; } = [];
    public string? NewestBackup { get; init; }
    public long? NewestBackupBytes { get; init; }
    public DateTime? NewestBackupUtc { get; init; }
    public DateTime? NextCheckDueUtc { get; init; }

    /// <summary>The last 30 local days, oldest first: OK, WARNING, FAILED, MISSED, ... or CLOSED; only on a single branch's view.</summary>
    public IReadOnlyList<DayView>? Days { get; init; }
}
