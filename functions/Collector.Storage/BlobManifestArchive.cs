using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>Raw manifests in a blob container, created only if absent (If-None-Match: *), so each run is archived once.</summary>
public sealed class BlobManifestArchive(BlobContainerClient container) : IManifestArchive
{
    public const string ContainerName = "manifests";

    public async Task<bool> TryAddAsync(string name, ReadOnlyMemory<byte> gzip, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" },
        };
        try
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(gzip), options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<Manifest?> ReadManifestAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await using var body = download.Value.Content;
            await using var inflate = new GZipStream(body, CompressionMode.Decompress);
            return await JsonSerializer.DeserializeAsync(inflate, ContractsJson.Context.Manifest, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
