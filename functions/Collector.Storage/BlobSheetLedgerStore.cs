using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// The sheet ledger as one JSON blob, held through a blob lease: only the dispatcher holding the lease may write
/// it, and a dispatcher that cannot get the lease leaves the work to the one that has it.
/// </summary>
public sealed class BlobSheetLedgerStore(BlobContainerClient container, TimeSpan? leaseDuration = null, TimeSpan? renewEvery = null) : ISheetLedgerStore
{
    public const string ContainerName = "sheet";
    public const string BlobName = "ledger.json";

    /// <summary>The shortest lease, renewed every <see cref="RenewEvery"/> while held: a dispatcher that dies frees the ledger within a minute.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    public async Task<ISheetLease?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(BlobName);
        try
        {
            await blob.UploadAsync(SheetLedgerJson.Write(SheetLedger.Empty), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists already (the usual case), possibly leased.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(leaseDuration ?? LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }

        return new BlobSheetLease(new BlobJsonLease(blob, lease, renewEvery ?? RenewEvery));
    }

    public async Task<SheetLedger> PeekAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(BlobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return SheetLedgerJson.Read(content.Value.Content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return SheetLedger.Empty;
        }
    }
}
