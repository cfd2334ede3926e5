using MonitoramentoBKP.Collector.Alerts;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>
/// What the dispatcher remembers between runs: every set's alert episode, the batch of alert rows in flight (saved
/// before it is sent, so a crash or an unknown outcome re-sends exactly those rows, with the same ids), fingerprints
/// of the last Status and Histórico written, and how delivery is going.
/// </summary>
public sealed record SheetLedger
{
    public static readonly SheetLedger Empty = new();

    public IReadOnlyDictionary<string, AlertEpisode> Episodes { get; init; } = new Dictionary<string, AlertEpisode>();
    public AlertBatch? InFlight { get; init; }
    public string? StatusFingerprint { get; init; }
    public string? HistoryFingerprint { get; init; }
    public SheetDelivery Delivery { get; init; } = new();

    /// <summary>When every change row was last read for undelivered ones (see <see cref="Ports.IOutbox.ScanUndeliveredAsync"/>).</summary>
    public DateTime? LastOutboxScanUtc { get; init; }
}
