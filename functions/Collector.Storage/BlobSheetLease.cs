using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// One dispatcher's hold on the sheet's ledger blob: a <see cref="BlobJsonLease"/> (renewed in the background, so a
/// send that waits long on Google keeps it; <see cref="Lost"/> stops the work when a renewal fails) read and saved
/// as a <see cref="SheetLedger"/>.
/// </summary>
internal sealed class BlobSheetLease(BlobJsonLease held) : ISheetLease
{
    public CancellationToken Lost => held.Lost;

    public async Task<SheetLedger> ReadAsync(CancellationToken cancellationToken) => SheetLedgerJson.Read(await held.ReadAsync(cancellationToken).ConfigureAwait(false));

    public Task SaveAsync(SheetLedger ledger, CancellationToken cancellationToken) => held.SaveAsync(SheetLedgerJson.Write(ledger), cancellationToken);

    public ValueTask DisposeAsync() => held.DisposeAsync();
}
