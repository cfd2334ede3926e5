using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Releases;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// Releases in the <c>releases</c> container as the release tool uploads them: <c>{channel}/{version}/release.json</c>
/// and each file beside it, and the key rotation <c>keys.json</c>. Read only. Links are user-delegation SAS URLs (read, one blob, minutes long) signed with a
/// key the storage account hands to the app's own identity, since the account allows no shared keys: given
/// <c>delegationKeys</c> (the Blob service reached with a token credential), otherwise no links and files are streamed.
/// </summary>
public sealed class BlobReleaseStore(BlobContainerClient container, Func<DateTimeOffset, DateTimeOffset, CancellationToken, Task<UserDelegationKey>>? delegationKeys, TimeProvider time) : IReleaseStore
{
    public const string ContainerName = "releases";

    /// <summary>A delegation key is asked for this long and reused while it has more than <see cref="KeyMargin"/> left.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(1);

    public static readonly TimeSpan KeyMargin = TimeSpan.FromMinutes(20);

    /// <summary>A link is valid from a little before now: the storage service's clock may be behind the app's.</summary>
    public static readonly TimeSpan ClockAllowance = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private UserDelegationKey? _key;

    /// <summary>The delegation keys of <paramref name="service"/>, which must be reached with a token credential.</summary>
    public static Func<DateTimeOffset, DateTimeOffset, CancellationToken, Task<UserDelegationKey>> KeysOf(BlobServiceClient service) =>
        async (starts, expires, cancellationToken) => (await service.GetUserDelegationKeyAsync(starts, expires, cancellationToken).ConfigureAwait(false)).Value;

    public Task<byte[]?> ReadDocumentAsync(string channel, string version, int maxBytes, CancellationToken cancellationToken) =>
        ReadCappedAsync(ReleaseNames.DocumentBlob(channel, version), maxBytes, cancellationToken);

    public Task<byte[]?> ReadKeysAsync(int maxBytes, CancellationToken cancellationToken) =>
        ReadCappedAsync(ReleaseNames.KeysBlob, maxBytes, cancellationToken);

    private async Task<byte[]?> ReadCappedAsync(string name, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(name)
                .DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(0, maxBytes + 1L) }, cancellationToken).ConfigureAwait(false);
            await using var body = download.Value.Content;
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<long?> LengthOfAsync(string channel, string version, string file, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await container.GetBlobClient(ReleaseNames.FileBlob(channel, version, file)).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return properties.Value.ContentLength;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<(Stream Content, long Length)?> OpenFileAsync(string channel, string version, string file, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(ReleaseNames.FileBlob(channel, version, file)).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return (download.Value.Content, download.Value.Details.ContentLength);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Uri?> LinkAsync(string channel, string version, string file, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (delegationKeys is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var key = await KeyAsync(now, cancellationToken).ConfigureAwait(false);
        return Link(container.GetBlobClient(ReleaseNames.FileBlob(channel, version, file)), key, now, lifetime);
    }

    /// <summary>The read-only SAS address of one blob, from <paramref name="now"/> less the clock allowance to <paramref name="now"/> + <paramref name="lifetime"/> (never past the key's own expiry).</summary>
    public static Uri Link(BlobClient blob, UserDelegationKey key, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(key);
        var expires = now + lifetime < key.SignedExpiresOn ? now + lifetime : key.SignedExpiresOn;
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockAllowance,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        return blob.GenerateUserDelegationSasUri(sas, key);
    }

    private async Task<UserDelegationKey> KeyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _keyLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_key is null || _key.SignedExpiresOn - now < KeyMargin)
            {
                _key = await delegationKeys!(now - ClockAllowance, now + KeyLifetime, cancellationToken).ConfigureAwait(false);
            }

            return _key;
        }
        finally
        {
            _keyLock.Release();
        }
    }
}
