using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>File baselines as gzip JSON blobs, one per version (see <see cref="IBaselineStore"/>).</summary>
public sealed class BlobBaselineStore(BlobContainerClient container) : IBaselineStore
{
    public const string ContainerName = "baselines";

    public async Task<FileBaseline> ReadAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return FileBaseline.Empty;
        }

        try
        {
            var download = await container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await using var body = download.Value.Content;
            await using var inflate = new GZipStream(body, CompressionMode.Decompress);
            var document = await JsonSerializer.DeserializeAsync(inflate, StateJson.Default.BaselineDocument, cancellationToken).ConfigureAwait(false);
            return document?.ToBaseline() ?? FileBaseline.Empty;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Replaced and removed after this reader's snapshot was taken: its commit will find the state changed and read again.
            return FileBaseline.Empty;
        }
    }

    public async Task WriteAsync(string name, FileBaseline baseline, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        await using (var deflate = new GZipStream(content, CompressionLevel.Fastest, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(deflate, BaselineDocument.From(baseline), StateJson.Default.BaselineDocument, cancellationToken).ConfigureAwait(false);
        }

        content.Position = 0;
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" } };
        await container.GetBlobClient(name).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
}
