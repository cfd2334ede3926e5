using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using MonitoramentoBKP.Collector.Notify;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// The alert channels' ledger as one JSON blob held through a blob lease (as the sheet's is), and each route's
/// daily summary claimed by a blob <c>summaries/{route}/{day}.json</c> created only if absent (If-None-Match: *),
/// holding the claim's token.
/// </summary>
public sealed class BlobNotifyLedgerStore(BlobContainerClient container, TimeSpan? leaseDuration = null, TimeSpan? renewEvery = null) : INotifyLedgerStore
{
    public const string ContainerName = "notify";
    public const string BlobName = "ledger.json";

    public async Task<INotifyLease?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(BlobName);
        try
        {
            await blob.UploadAsync(NotifyLedgerJson.Write(NotifyLedger.Empty), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists already (the usual case), possibly leased.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(leaseDuration ?? BlobSheetLedgerStore.LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }

        return new Lease(new BlobJsonLease(blob, lease, renewEvery ?? BlobSheetLedgerStore.RenewEvery));
    }

    public async Task<NotifyLedger> PeekAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(BlobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return NotifyLedgerJson.Read(content.Value.Content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return NotifyLedger.Empty;
        }
    }

    public async Task<bool> TryClaimSummaryAsync(string routeId, DateOnly day, string claim, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient($"summaries/{routeId}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json");
        try
        {
            await blob.UploadAsync(BinaryData.FromString(claim), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var held = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return held.Value.Content.ToString() == claim;
        }
    }

    private sealed class Lease(BlobJsonLease held) : INotifyLease
    {
        public CancellationToken Lost => held.Lost;

        public async Task<NotifyLedger> ReadAsync(CancellationToken cancellationToken) => NotifyLedgerJson.Read(await held.ReadAsync(cancellationToken).ConfigureAwait(false));

        public Task SaveAsync(NotifyLedger ledger, CancellationToken cancellationToken) => held.SaveAsync(NotifyLedgerJson.Write(ledger), cancellationToken);

        public ValueTask DisposeAsync() => held.DisposeAsync();
    }
}
