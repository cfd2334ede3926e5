using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>
/// Alert rows planned from a set of status changes, kept until the rows are in the sheet and the changes marked
/// delivered. <see cref="Attempted"/> is set before the first send: from then on the outcome is uncertain, and a
/// re-send first reads the alert ids already in the sheet.
/// </summary>
public sealed record AlertBatch
{
    public IReadOnlyList<AlertRow> Rows { get; init; } = [];
    public IReadOnlyList<ChangeRef> Changes { get; init; } = [];
    public IReadOnlyList<OutboxMark> Marks { get; init; } = [];
    public bool Attempted { get; init; }
}
