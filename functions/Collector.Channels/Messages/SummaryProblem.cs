using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>A set still wrong when the daily summary is made: its status, since when, and why.</summary>
public sealed record SummaryProblem
{
    public required string BranchId { get; init; }
    public required string BranchName { get; init; }
    public required string SetId { get; init; }
    public required SetStatus Status { get; init; }
    public required DateTime SinceUtc { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    public IReadOnlyList<FindingRecord> Reasons { get; init; } = [];
}
