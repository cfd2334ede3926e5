namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>A set that recovered in the 24 hours before the daily summary, and how long its problem lasted.</summary>
public sealed record SummaryRecovery
{
    public required string BranchId { get; init; }
    public required string BranchName { get; init; }
    public required string SetId { get; init; }
    public required DateTime ResolvedUtc { get; init; }
    public TimeSpan? Lasted { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
}
