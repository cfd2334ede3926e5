using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MonitoramentoBKP.ReleaseTool.Releases;

namespace MonitoramentoBKP.ReleaseTool.Storage;

/// <summary>
/// Uploads a release folder to the <c>releases</c> container as <c>{channel}/{version}/{file}</c>, the files first
/// and <c>{channel}/{version}/release.json</c> last, so the collector never sees a document whose files are not
/// there yet. A version is published once: an existing release.json is never replaced, and no blob is ever
/// overwritten (each write is conditional on the blob not existing). A file left by an interrupted upload of the
/// same release is kept when its length and SHA-256 (kept in the blob's metadata) match, so the upload can be run
/// again; any other file in the way refuses the upload.
/// </summary>
public sealed class ReleaseUploader(BlobServiceClient service)
{
    public const string ContainerName = "releases";

    /// <summary>The blob metadata entry holding a file's SHA-256 in lowercase hex.</summary>
    public const string Sha256Metadata = "sha256";

    public static string BlobName(string channel, string version, string file) => $"{channel}/{version}/{file}";

    public async Task<IReadOnlyList<UploadedBlob>> UploadAsync(ReleaseFolder folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var document = folder.Document;
        var container = service.GetBlobContainerClient(ContainerName);
        var envelopeName = BlobName(document.Channel, document.Version, ReleaseNames.DocumentName);
        var uploaded = new List<UploadedBlob>();
        await Guarded(container, async () =>
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (await container.GetBlobClient(envelopeName).ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                throw AlreadyPublished(container, envelopeName);
            }

            foreach (var file in document.Files)
            {
                var name = BlobName(document.Channel, document.Version, file.Name);
                var blob = container.GetBlobClient(name);
                await using var content = new FileStream(folder.PathOf(file), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
                if (await TryCreateAsync(blob, content, "application/octet-stream", file.Sha256, cancellationToken).ConfigureAwait(false))
                {
                    uploaded.Add(new UploadedBlob(name, file.Length, AlreadyThere: false));
                    continue;
                }

                var existing = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                if (existing.Value.ContentLength != file.Length
                    || !existing.Value.Metadata.TryGetValue(Sha256Metadata, out var sha256) || sha256 != file.Sha256)
                {
                    throw new ReleaseToolException(ReleaseExitCodes.AlreadyPublished,
                        $"{blob.Uri} exists with other content than {folder.PathOf(file)} and is never overwritten; cut this release under a new version.");
                }

                uploaded.Add(new UploadedBlob(name, file.Length, AlreadyThere: true));
            }

            using var envelope = new MemoryStream(folder.Envelope, writable: false);
            if (!await TryCreateAsync(container.GetBlobClient(envelopeName), envelope, "application/json", null, cancellationToken).ConfigureAwait(false))
            {
                throw AlreadyPublished(container, envelopeName);
            }

            uploaded.Add(new UploadedBlob(envelopeName, folder.Envelope.Length, AlreadyThere: false));
        }).ConfigureAwait(false);
        return uploaded;
    }

    /// <summary>Writes the blob only if it does not exist; false when it does (nothing written).</summary>
    private static async Task<bool> TryCreateAsync(BlobClient blob, Stream content, string contentType, string? sha256, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = sha256 is null ? null : new Dictionary<string, string> { [Sha256Metadata] = sha256 },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private static ReleaseToolException AlreadyPublished(BlobContainerClient container, string envelopeName) =>
        new(ReleaseExitCodes.AlreadyPublished, $"{container.Uri}/{envelopeName} exists: that version is already uploaded, and a published version is never replaced; cut a new version.");

    /// <summary>Runs <paramref name="upload"/>, turning what Blob Storage or the credential refuses into a <see cref="ReleaseExitCodes.Failed"/> refusal naming the container.</summary>
    internal static async Task Guarded(BlobContainerClient container, Func<Task> upload)
    {
        try
        {
            await upload().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw ReleaseToolException.Failed($"Blob Storage ({container.Uri}) refused: HTTP {e.Status} {e.ErrorCode}: {FirstLine(e.Message)}", e);
        }
        catch (AuthenticationFailedException e)
        {
            throw ReleaseToolException.Failed($"No token for Blob Storage ({container.Uri}): {FirstLine(e.Message)}", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is RequestFailedException or HttpRequestException))
        {
            throw ReleaseToolException.Failed($"Blob Storage ({container.Uri}) could not be reached: {FirstLine(e.InnerExceptions[^1].Message)}", e);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
