using MonitoramentoBKP.Collector.Alerts;

namespace MonitoramentoBKP.Collector.Notify;

/// <summary>
/// One message for a route, planned (and saved) before it is sent: an alert row, a storm digest of many, or a day's
/// summary. <see cref="RouteEntryState.Sending"/> is saved before each send, so after a crash the outcome is known
/// to be uncertain, never forgotten.
/// </summary>
public sealed record RouteEntry
{
    /// <summary>The alert's row id, "digest/{route}/{time}" or "summary/{route}/{day}"; in the message, the same on every resend.</summary>
    public required string EventId { get; init; }

    public required RouteEntryKind Kind { get; init; }
    public RouteEntryState State { get; init; } = RouteEntryState.Pending;

    /// <summary>The alert (<see cref="RouteEntryKind.Alert"/>), or the alerts a digest tells (<see cref="RouteEntryKind.Digest"/>).</summary>
    public IReadOnlyList<AlertRow> Rows { get; init; } = [];

    /// <summary>The summary's local day.</summary>
    public DateOnly? Day { get; init; }

    /// <summary>The token the summary's day is claimed with in storage before it is first sent (see <see cref="Ports.INotifyLedgerStore.TryClaimSummaryAsync"/>).</summary>
    public string? Claim { get; init; }

    public required DateTime PlannedUtc { get; init; }
    public DateTime NextAttemptUtc { get; init; }
    public int Attempts { get; init; }

    /// <summary>The last attempt may have arrived (a lost answer, a crash while sending).</summary>
    public bool Uncertain { get; init; }

    public DateTime? DoneUtc { get; init; }

    /// <summary>The digest that told this alert instead of its own message.</summary>
    public string? CoveredBy { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => State is RouteEntryState.Pending or RouteEntryState.Sending;
}
