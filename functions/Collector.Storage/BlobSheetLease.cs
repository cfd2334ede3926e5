using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>One dispatcher's hold on the ledger blob.</summary>
internal sealed class BlobSheetLease(BlobClient blob, BlobLeaseClient lease) : ISheetLease
{
    public async Task<SheetLedger> ReadAsync(CancellationToken cancellationToken)
    {
        var content = await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId } }, cancellationToken).ConfigureAwait(false);
        return SheetLedgerJson.Read(content.Value.Content);
    }

    public async Task SaveAsync(SheetLedger ledger, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(SheetLedgerJson.Write(ledger), new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId } }, cancellationToken).ConfigureAwait(false);
            await lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new InvalidOperationException("The sheet ledger's lease was lost (a dispatch outlived it); this dispatch stops and the next one resumes from the last save.", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Expired or taken over: nothing left to release.
        }
    }
}
