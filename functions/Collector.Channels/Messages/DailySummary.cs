using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>
/// The one message a route gets each morning: how many sets are OK, warned, failed, missed or silent; the problems
/// still open, worst first with since when; what recovered in the last 24 hours; and probes on an old version or
/// whose update failed. The inputs are taken as they are; ordering is this record's.
/// </summary>
public sealed record DailySummary : ChannelMessage
{
    public required string Route { get; init; }

    /// <summary>The route's local day the summary is about.</summary>
    public required DateOnly Day { get; init; }

    public required DateTime AtUtc { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    public required SummaryCounts Counts { get; init; }
    public IReadOnlyList<SummaryProblem> Problems { get; init; } = [];
    public IReadOnlyList<SummaryRecovery> Recovered { get; init; } = [];
    public IReadOnlyList<ProbeNotice> Probes { get; init; } = [];

    public IReadOnlyList<SummaryProblem> ProblemsWorstFirst => [.. Problems
        .OrderByDescending(p => p.Status.Rank())
        .ThenBy(p => p.SinceUtc)
        .ThenBy(p => p.BranchId, StringComparer.OrdinalIgnoreCase)
        .ThenBy(p => p.SetId, StringComparer.OrdinalIgnoreCase)];

    public IReadOnlyList<SummaryRecovery> RecoveredLatestFirst => [.. Recovered
        .OrderByDescending(r => r.ResolvedUtc)
        .ThenBy(r => r.BranchId, StringComparer.OrdinalIgnoreCase)];
}
