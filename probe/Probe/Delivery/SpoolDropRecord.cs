using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// spool/dropped.json: the manifests dropped to respect the spool's limits that no accepted manifest has reported yet.
/// Every manifest spooled while it exists carries it (<see cref="Report"/>) and is listed as a carrier with the count
/// it carried; the record is deleted when a carrier of the whole count is accepted, so drops made meanwhile are never
/// lost. <see cref="Dropping"/> names the entries of the latest drop, deleted after the record was written: a run
/// killed in between finishes their deletion at the next start instead of sending them.
/// </summary>
public sealed record SpoolDropRecord
{
    public required int Count { get; init; }
    public required DateTime FirstFinishedUtc { get; init; }
    public required DateTime LastFinishedUtc { get; init; }
    public IReadOnlyList<SpoolCarrier> Carriers { get; init; } = [];
    public IReadOnlyList<string> Dropping { get; init; } = [];

    public SpoolDropReport Report => new() { Count = Count, FirstFinishedUtc = FirstFinishedUtc, LastFinishedUtc = LastFinishedUtc };

    /// <summary>This record (or a new one) with <paramref name="dropped"/> added; those that carried it are carriers no more.</summary>
    public static SpoolDropRecord With(SpoolDropRecord? record, IReadOnlyList<SpoolEntry> dropped)
    {
        var names = dropped.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var first = dropped.Min(e => e.FinishedUtc);
        var last = dropped.Max(e => e.FinishedUtc);
        return new SpoolDropRecord
        {
            Count = checked((record?.Count ?? 0) + dropped.Count),
            FirstFinishedUtc = record is null || first < record.FirstFinishedUtc ? first : record.FirstFinishedUtc,
            LastFinishedUtc = record is null || last > record.LastFinishedUtc ? last : record.LastFinishedUtc,
            Carriers = [.. (record?.Carriers ?? []).Where(c => !names.Contains(c.Entry))],
            Dropping = [.. names],
        };
    }
}
