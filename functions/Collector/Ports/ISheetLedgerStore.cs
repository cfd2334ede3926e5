using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// The dispatcher's own record (<see cref="SheetLedger"/>), held by one dispatcher at a time: a blob lease in Azure,
/// so the ingest-triggered and the timer-triggered dispatchers, on any number of instances, never append the same
/// alert twice.
/// </summary>
public interface ISheetLedgerStore
{
    /// <summary>The ledger, exclusively; null when another dispatcher holds it.</summary>
    Task<ISheetLease?> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>The ledger as last saved, without taking it (for the status endpoint).</summary>
    Task<SheetLedger> PeekAsync(CancellationToken cancellationToken);
}
