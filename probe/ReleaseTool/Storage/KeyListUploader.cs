using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.ReleaseTool.Releases;

namespace MonitoramentoBKP.ReleaseTool.Storage;

/// <summary>
/// Uploads a key rotation as <c>keys.json</c> in the <c>releases</c> container, beside the channels' folders (the keys
/// sign every channel), where the collector serves it to every probe (<c>GET api/probe/keys</c>). Only a newer
/// rotation replaces the stored one: a version lower than or equal to it is refused (probes would ignore it anyway,
/// and it would hide the newer one from probes that have not fetched it yet). The write is conditional on the blob
/// being as it was read (its ETag, or absent), so two uploads at once cannot both win: the second is refused and can
/// be run again.
/// </summary>
public sealed class KeyListUploader(BlobServiceClient service)
{
    public const string BlobName = "keys.json";

    /// <summary>The stored rotation's version, or null when it was the first one (or what was stored was not a key list, which this replaces); <paramref name="warn"/> is told about the latter.</summary>
    public async Task<int?> UploadAsync(KeyListFile file, Action<string> warn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(warn);
        var container = service.GetBlobContainerClient(ReleaseUploader.ContainerName);
        var blob = container.GetBlobClient(BlobName);
        int? replaced = null;
        await ReleaseUploader.Guarded(container, async () =>
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var (stored, etag) = await ReadAsync(blob, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                var (document, problem) = KeyListFile.Parse(stored);
                if (document is null)
                {
                    warn($"{blob.Uri} is not a key rotation ({problem}); it is replaced.");
                }
                else if (document.Version >= file.Document.Version)
                {
                    throw new ReleaseToolException(ReleaseExitCodes.NotNewer,
                        $"{blob.Uri} holds key rotation {document.Version}; rotation {file.Document.Version} ({file.Path}) is not newer, and probes only take a newer one. Nothing was uploaded.");
                }
                else
                {
                    replaced = document.Version;
                }
            }

            try
            {
                using var content = new MemoryStream(file.Envelope, writable: false);
                await blob.UploadAsync(content, new BlobUploadOptions
                {
                    Conditions = etag is { } seen ? new BlobRequestConditions { IfMatch = seen } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                throw ReleaseToolException.Failed($"{blob.Uri} changed while this upload ran (another upload?); nothing was uploaded. Run it again to compare with what is stored now.", e);
            }
        }).ConfigureAwait(false);
        return replaced;
    }

    /// <summary>The stored bytes (at most one past the envelope cap, which then fail to parse) and their ETag; nulls when there is no blob.</summary>
    private static async Task<(byte[]? Content, ETag? ETag)> ReadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var download = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, SignedEnvelope.MaxLength + 1L) }, cancellationToken).ConfigureAwait(false);
            return (download.Value.Content.ToArray(), download.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }
}
