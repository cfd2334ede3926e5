using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoramentoBKP.Collector.Releases;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Functions.Tests.Support;
using MonitoramentoBKP.Functions.Triggers;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>GET /api/probe/keys through the function class: the stored key rotation byte for byte with its SHA-256 as the ETag, 304 to it, 204 without one; signed requests only.</summary>
public sealed class KeyRouteTests
{
    private readonly TestCollector _collector = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A rotation to version <paramref name="version"/> naming one fresh key, signed by another, as bkp-release rotate writes it.</summary>
    private static byte[] Rotation(int version)
    {
        using var next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = JsonSerializer.SerializeToUtf8Bytes(new TrustedKeysDocument
        {
            Type = TrustedKeysDocument.DocumentType,
            Version = version,
            PublishedUtc = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc),
            Keys = [new TrustedKey { KeyId = KeyId.Of(next), PublicKey = PublicKeyInfo.Export(next) }],
        }, ContractsJsonContext.Default.TrustedKeysDocument);
        return SignedEnvelope.Write(signed, [EnvelopeSigning.Sign(signed, signer)]);
    }

    private static string Tag(byte[] stored) => $"\"{Convert.ToHexStringLower(SHA256.HashData(stored))}\"";

    private async Task<(IActionResult Result, HttpRequest Request)> KeysAsync(params (string Name, string Value)[] headers)
    {
        var request = _collector.Signed(_collector.ProbeOf("F001"), "GET", ProbeApi.KeysPath, [], headers);
        var result = await new GetProbeKeys(_collector.Authenticator, _collector.ReleaseService, _collector.Probes, NullLogger<GetProbeKeys>.Instance).Run(request, default);
        return (result, request);
    }

    [Fact]
    public async Task The_stored_rotation_is_served_byte_for_byte_as_json_with_its_sha256_as_the_etag()
    {
        var stored = Rotation(2);
        _collector.Releases.Blobs[ReleaseNames.KeysBlob] = stored;

        var (result, request) = await KeysAsync();

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal(stored, file.FileContents);
        Assert.Equal(ProbeApi.JsonContentType, file.ContentType);
        Assert.Equal(Tag(stored), request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"0000\", {0}")]
    [InlineData("*")]
    public async Task If_none_match_naming_the_stored_rotation_answers_304_with_its_etag(string ifNoneMatch)
    {
        var stored = Rotation(2);
        _collector.Releases.Blobs[ReleaseNames.KeysBlob] = stored;

        var (result, request) = await KeysAsync(("If-None-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, ifNoneMatch, Tag(stored))));

        Assert.Equal(304, Assert.IsType<StatusCodeResult>(result).StatusCode);
        Assert.Equal(Tag(stored), request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task A_new_rotation_is_served_to_a_probe_that_names_the_one_before()
    {
        var before = Rotation(2);
        _collector.Releases.Blobs[ReleaseNames.KeysBlob] = before;
        var after = Rotation(3);
        _collector.Releases.Blobs[ReleaseNames.KeysBlob] = after;

        var (result, request) = await KeysAsync(("If-None-Match", Tag(before)));

        Assert.Equal(after, Assert.IsType<FileContentResult>(result).FileContents);
        Assert.Equal(Tag(after), request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Without_a_rotation_the_answer_is_204_even_to_a_star()
    {
        var (result, request) = await KeysAsync(("If-None-Match", "*"));

        Assert.Equal(204, Assert.IsType<StatusCodeResult>(result).StatusCode);
        Assert.Equal(0, request.HttpContext.Response.Headers.ETag.Count);
    }

    /// <summary>The collector holds no release key: what is stored is served as it is, and only the probe judges it.</summary>
    [Fact]
    public async Task The_collector_verifies_nothing_and_serves_even_what_no_probe_would_accept()
    {
        var stored = Encoding.UTF8.GetBytes("""{"signed": {"type": "bkp-probe-keys"}, "signatures": []}""");
        _collector.Releases.Blobs[ReleaseNames.KeysBlob] = stored;

        var (result, _) = await KeysAsync();

        Assert.Equal(stored, Assert.IsType<FileContentResult>(result).FileContents);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused_before_anything_is_read()
    {
        _collector.Releases.Blobs[ReleaseNames.KeysBlob] = Rotation(2);
        var request = TestCollector.Request("GET", []);
        request.Path = "/" + ProbeApi.KeysPath;

        var result = await new GetProbeKeys(_collector.Authenticator, _collector.ReleaseService, _collector.Probes, NullLogger<GetProbeKeys>.Instance).Run(request, default);

        Assert.Equal(401, Assert.IsAssignableFrom<ObjectResult>(result).StatusCode);
    }
}
