using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.ReleaseTool.Releases;
using MonitoramentoBKP.ReleaseTool.Signing;
using MonitoramentoBKP.ReleaseTool.Storage;
using MonitoramentoBKP.ReleaseTool.Tests.Support;

namespace MonitoramentoBKP.ReleaseTool.Tests;

/// <summary>
/// bkp-release upload-keys against a real Azurite: a signed key rotation goes to releases/keys.json, only a newer one
/// replaces it, and two uploads at once cannot both win. keys.json is one blob for the whole account, so each test
/// starts without it (the tests of the collection run one at a time).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadKeysTests(Azurite azurite) : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ECDsa _current = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _next = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private BlobContainerClient Container => new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(ReleaseUploader.ContainerName);

    private BlobClient Keys => Container.GetBlobClient(KeyListUploader.BlobName);

    public async Task InitializeAsync()
    {
        await Container.CreateIfNotExistsAsync();
        await Keys.DeleteIfExistsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _current.Dispose();
        _next.Dispose();
        _temp.Dispose();
    }

    /// <summary>Rotation <paramref name="version"/> to the next key, signed by the current one, written as 'bkp-release rotate' writes it; its path.</summary>
    private async Task<string> RotationAsync(int version)
    {
        var (envelope, _, _) = await KeyRotation.CreateAsync(version, [PublicKeyInfo.Export(_next)],
            [new KeyFileSigner(ECDsa.Create(_current.ExportParameters(includePrivateParameters: true)), "current")], TimeProvider.System, CancellationToken.None);
        var path = _temp[$"keys-v{version}.json"];
        await File.WriteAllBytesAsync(path, envelope);
        return path;
    }

    private ReleaseToolProcess.Result UploadKeys(string path) =>
        ReleaseToolProcess.Run(_temp.Path, "upload-keys", "--file", path, "--connection-string", azurite.ConnectionString);

    private async Task<byte[]> StoredAsync() => (await Keys.DownloadContentAsync()).Value.Content.ToArray();

    [Fact]
    public async Task A_rotation_written_by_rotate_is_stored_byte_for_byte_as_keys_json()
    {
        using (var pem = SigningKeyFile.Create(_temp["current.pem"]))
        {
            var rotated = ReleaseToolProcess.Run(_temp.Path, "rotate", "--version", "2", "--key", PublicKeyInfo.Export(_next), "--signer-key-file", _temp["current.pem"], "--out", _temp["keys-v2.json"]);
            Assert.True(rotated.ExitCode == 0, rotated.Stderr);
        }

        var result = UploadKeys(_temp["keys-v2.json"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Uploaded key rotation 2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("releases/keys.json.", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(_temp["keys-v2.json"]), await StoredAsync());
        Assert.Equal("application/json", (await Keys.GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task A_newer_rotation_replaces_the_stored_one_and_says_which()
    {
        Assert.Equal(0, UploadKeys(await RotationAsync(2)).ExitCode);

        var result = UploadKeys(await RotationAsync(3));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Uploaded key rotation 3", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("replacing rotation 2", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(_temp["keys-v3.json"]), await StoredAsync());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public async Task A_rotation_not_newer_than_the_stored_one_is_refused_with_exit_code_4_and_storage_is_untouched(int uploaded)
    {
        Assert.Equal(0, UploadKeys(await RotationAsync(3)).ExitCode);
        var before = (await Keys.GetPropertiesAsync()).Value.ETag;

        var result = UploadKeys(await RotationAsync(uploaded));

        Assert.Equal(ReleaseExitCodes.NotNewer, result.ExitCode);
        Assert.Contains($"holds key rotation 3; rotation {uploaded}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not newer", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, (await Keys.GetPropertiesAsync()).Value.ETag);
    }

    public static TheoryData<string, string> NotAKeyList => new()
    {
        { """{"signed": {"type": "bkp-probe-keys"}}""", "/signatures is missing" },
        { """{"signed": {"type": "bkp-probe-keys", "version": 2}, "signatures": []}""", "has no signature" },
        { "{release}", "this is not a key rotation" },
        { "{version1}", "a rotation is 2 or higher" },
        { "{wrongKeyId}", "/signed/keys/0/keyId is" },
        { "not json", "not JSON" },
    };

    [Theory]
    [MemberData(nameof(NotAKeyList))]
    public async Task A_file_that_is_not_a_signed_key_list_is_refused_with_exit_code_2_before_storage_is_touched(string content, string expected)
    {
        var signed = (string json) => Encoding.UTF8.GetString(SignedEnvelope.Write(Encoding.UTF8.GetBytes(json), [EnvelopeSigning.Sign(Encoding.UTF8.GetBytes(json), _current)]));
        var key = $$"""{"keyId": "{{KeyId.Of(_current)}}", "publicKey": "{{PublicKeyInfo.Export(_next)}}"}""";
        content = content switch
        {
            "{release}" => signed("""{"type": "bkp-probe-release", "version": "1.0.0"}"""),
            "{version1}" => signed($$"""{"type": "bkp-probe-keys", "version": 1, "publishedUtc": "2026-12-01T00:00:00Z", "keys": [{{key.Replace(KeyId.Of(_current), KeyId.Of(_next), StringComparison.Ordinal)}}]}"""),
            "{wrongKeyId}" => signed($$"""{"type": "bkp-probe-keys", "version": 2, "publishedUtc": "2026-12-01T00:00:00Z", "keys": [{{key}}]}"""),
            _ => content,
        };
        await File.WriteAllTextAsync(_temp["keys.json"], content);

        var result = UploadKeys(_temp["keys.json"]);

        Assert.Equal(ReleaseExitCodes.BadInput, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False((await Keys.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Something_stored_that_is_not_a_key_list_is_replaced_with_a_warning()
    {
        await Keys.UploadAsync(BinaryData.FromString("left here by hand"));

        var result = UploadKeys(await RotationAsync(2));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("warning:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not a key rotation", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(_temp["keys-v2.json"]), await StoredAsync());
    }

    /// <summary>Another upload lands between this one's read and its write: this one's write no longer matches what it read, and is refused.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Of_two_uploads_at_once_the_one_that_writes_second_is_refused_and_the_first_stays(bool storedBefore)
    {
        if (storedBefore)
        {
            Assert.Equal(0, UploadKeys(await RotationAsync(2)).ExitCode);
        }

        var winner = await File.ReadAllBytesAsync(await RotationAsync(4));
        var options = new BlobClientOptions();
        options.AddPolicy(new BeforeFirstWrite(() => Keys.UploadAsync(BinaryData.FromBytes(winner), overwrite: true)), HttpPipelinePosition.PerCall);
        var loser = await KeyListFile.ReadAsync(await RotationAsync(3), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ReleaseToolException>(() =>
            new KeyListUploader(new BlobServiceClient(azurite.ConnectionString, options)).UploadAsync(loser, _ => { }, CancellationToken.None));

        Assert.Equal(ReleaseExitCodes.Failed, refused.ExitCode);
        Assert.Contains("changed while this upload ran", refused.Message, StringComparison.Ordinal);
        Assert.Equal(winner, await StoredAsync());
    }

    /// <summary>Runs <paramref name="interloper"/> once, just before the first PUT of keys.json goes out.</summary>
    private sealed class BeforeFirstWrite(Func<Task> interloper) : HttpPipelinePolicy
    {
        private int _fired;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.EndsWith("/" + KeyListUploader.BlobName, StringComparison.Ordinal)
                && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                await interloper();
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
