using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>Exclusive hold on the sheet ledger; released on dispose.</summary>
public interface ISheetLease : IAsyncDisposable
{
    /// <summary>Cancelled when the hold is lost (it could not be renewed): whoever holds the ledger then may be sending.</summary>
    CancellationToken Lost { get; }

    Task<SheetLedger> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Saves the ledger (and extends the hold); throws when the hold was lost.</summary>
    Task SaveAsync(SheetLedger ledger, CancellationToken cancellationToken);
}
