using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// One dispatcher's hold on a leased JSON ledger blob (the alert channels'). The lease is renewed in the background
/// while held, so a send that waits long on a service keeps it; if a renewal fails, <see cref="Lost"/> stops the work.
/// </summary>
internal sealed class BlobJsonLease : IAsyncDisposable
{
    private readonly BlobClient blob;
    private readonly BlobLeaseClient lease;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource released = new();
    private readonly Task renewing;

    public BlobJsonLease(BlobClient blob, BlobLeaseClient lease, TimeSpan renewEvery)
    {
        this.blob = blob;
        this.lease = lease;
        renewing = RenewAsync(renewEvery);
    }

    public CancellationToken Lost => lost.Token;

    public async Task<BinaryData> ReadAsync(CancellationToken cancellationToken)
    {
        var content = await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId } }, cancellationToken).ConfigureAwait(false);
        return content.Value.Content;
    }

    public async Task SaveAsync(BinaryData document, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(document, new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new InvalidOperationException("The ledger's lease was lost; this dispatch stops and the next one resumes from the last save.", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await released.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
        try
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Expired or taken over: nothing left to release.
        }

        lost.Dispose();
        released.Dispose();
    }

    private async Task RenewAsync(TimeSpan every)
    {
        try
        {
            while (true)
            {
                await Task.Delay(every, released.Token).ConfigureAwait(false);
                await lease.RenewAsync(cancellationToken: released.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (released.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException or IOException or HttpRequestException)
        {
            await lost.CancelAsync().ConfigureAwait(false);
        }
    }
}
