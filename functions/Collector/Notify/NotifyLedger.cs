using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Notify;

/// <summary>
/// What the alert channels' dispatcher remembers between runs, apart from the sheet's: its own alert episodes
/// (planned from the same outbox with the same planner, so incidents have the sheet's ids), the batch of rows
/// taken from the outbox and not yet given to the routes, the recoveries of the last days (for the daily
/// summary), and one <see cref="RouteLedger"/> per route: what it was sent, by event id.
/// </summary>
public sealed record NotifyLedger
{
    public static readonly NotifyLedger Empty = new();

    public IReadOnlyDictionary<string, AlertEpisode> Episodes { get; init; } = new Dictionary<string, AlertEpisode>();

    /// <summary>Rows planned from outbox changes, saved before they are queued to the routes; the changes are marked taken after.</summary>
    public AlertBatch? InFlight { get; init; }

    public DateTime? LastOutboxScanUtc { get; init; }

    /// <summary>Resolved rows of the last two days, for "recovered in the last 24 h".</summary>
    public IReadOnlyList<AlertRow> RecentlyResolved { get; init; } = [];

    public IReadOnlyDictionary<string, RouteLedger> Routes { get; init; } = new Dictionary<string, RouteLedger>();
}
