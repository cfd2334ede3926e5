using System.Net;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.EndToEnd.Tests.Support;
using MonitoramentoBKP.ReleaseTool.Releases;
using MonitoramentoBKP.ReleaseTool.Signing;
using MonitoramentoBKP.ReleaseTool.Storage;

namespace MonitoramentoBKP.LocalHost.Tests;

/// <summary>
/// GET /api/probe/keys on the real local host over HTTP: a key rotation uploaded by the release tool's uploader to the
/// host's Azurite reaches a signed probe request byte for byte, verifies with the key that signed it as a probe
/// verifies it, is answered 304 to its ETag, and is replaced by the next rotation.
/// </summary>
public sealed class KeyRouteTests(ReleaseRouteTests.Host host) : IClassFixture<ReleaseRouteTests.Host>, IDisposable
{
    private readonly ECDsa _current = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _next = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _current.Dispose();
        _next.Dispose();
    }

    /// <summary>Rotation <paramref name="version"/> to the next key, signed by the current one, uploaded with bkp-release upload-keys' own code; its bytes.</summary>
    private async Task<byte[]> UploadAsync(int version)
    {
        var (envelope, _, _) = await KeyRotation.CreateAsync(version, [PublicKeyInfo.Export(_next)],
            [new KeyFileSigner(ECDsa.Create(_current.ExportParameters(includePrivateParameters: true)), "current")], TimeProvider.System, CancellationToken.None);
        var path = Path.Combine(Path.GetTempPath(), $"bkp-keys-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllBytesAsync(path, envelope);
            var file = await KeyListFile.ReadAsync(path, CancellationToken.None);
            await new KeyListUploader(new BlobServiceClient(host.ConnectionString)).UploadAsync(file, _ => { }, CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }

        return envelope;
    }

    private static Task<HttpResponseMessage> KeysAsync(EnrolledProbe probe, string? ifNoneMatch = null) =>
        probe.SendAsync(HttpMethod.Get, ProbeApi.KeysPath, [], null, null, ifNoneMatch is null ? null : new Dictionary<string, string> { ["If-None-Match"] = ifNoneMatch });

    [Fact]
    public async Task A_rotation_uploaded_with_the_tool_reaches_a_probe_byte_for_byte_then_304_then_the_next_one()
    {
        using var probe = await EnrolledProbe.EnrollAsync(host.Process, "F007");
        using var none = await KeysAsync(probe);
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);

        var uploaded = await UploadAsync(2);
        using var served = await KeysAsync(probe);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/json", served.Content.Headers.ContentType!.MediaType);
        var body = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(uploaded, body);
        var etag = served.Headers.ETag!.ToString();
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(uploaded))}\"", etag);
        var check = ReleaseVerifier.VerifyKeyRotation(body, new Dictionary<string, ECDsa> { [KeyId.Of(_current)] = _current }, 1);
        Assert.True(check.Accepted, check.Refusal?.ToString());
        Assert.Equal([KeyId.Of(_next)], check.Document!.Keys.Select(k => k.KeyId));

        using var unchanged = await KeysAsync(probe, etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(etag, unchanged.Headers.ETag!.ToString());

        var next = await UploadAsync(3);
        using var replaced = await KeysAsync(probe, etag);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(next, await replaced.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unsigned_request_is_refused()
    {
        using var client = new HttpClient { BaseAddress = host.Process.Address };
        using var answer = await client.GetAsync(ProbeApi.KeysPath);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType!.MediaType);
    }
}
