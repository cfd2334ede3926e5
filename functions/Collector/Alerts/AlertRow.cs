using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Alerts;

/// <summary>
/// One row of the Alertas tab. <see cref="AlertId"/> is fixed when the row is planned and stored before it is sent,
/// so a row sent twice is recognised: "{branch}/{set}/{opened yyyyMMdd-HHmmss UTC}.{n}", the incident and its n-th row.
/// </summary>
public sealed record AlertRow
{
    public required string AlertId { get; init; }
    public required DateTime AtUtc { get; init; }
    public required string BranchId { get; init; }
    public required string SetId { get; init; }
    public required AlertEvent Event { get; init; }
    public required SetStatus Status { get; init; }
    public SetStatus Previous { get; init; }
    public IReadOnlyList<FindingRecord> Reasons { get; init; } = [];

    /// <summary>How long the problem lasted (resolved) or has lasted so far (reminder).</summary>
    public TimeSpan? Duration { get; init; }
}
