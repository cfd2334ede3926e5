using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MonitoramentoBKP.ReleaseTool.Releases;
using MonitoramentoBKP.ReleaseTool.Signing;
using MonitoramentoBKP.ReleaseTool.Storage;
using MonitoramentoBKP.ReleaseTool.Tests.Support;

namespace MonitoramentoBKP.ReleaseTool.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class UploadTests(Azurite azurite) : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _channel = "t" + Guid.NewGuid().ToString("N")[..10];

    private BlobContainerClient Container => new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(ReleaseUploader.ContainerName);

    [Fact]
    public async Task Upload_writes_every_file_first_and_release_json_last_under_channel_and_version()
    {
        var release = await CutAsync("1.4.0");
        var recorder = new RequestRecorder();
        var options = new BlobClientOptions();
        options.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        var folder = await ReleaseFolder.ReadAsync(Path.GetDirectoryName(release.EnvelopePath)!, _channel, "1.4.0", CancellationToken.None);

        var uploaded = await new ReleaseUploader(new BlobServiceClient(azurite.ConnectionString, options)).UploadAsync(folder, CancellationToken.None);

        var prefix = $"{_channel}/1.4.0/";
        Assert.Equal([prefix + "bkp-probe", prefix + "bkp-probe.exe", prefix + "release.json"], uploaded.Select(b => b.Name));
        Assert.All(uploaded, b => Assert.False(b.AlreadyThere));
        var writes = recorder.Requests.Where(r => r.StartsWith("PUT", StringComparison.Ordinal) && r.Contains(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(["bkp-probe", "bkp-probe.exe", "release.json"], writes.Select(w => w[(w.LastIndexOf('/') + 1)..]));
        foreach (var file in release.Document.Files)
        {
            var blob = Container.GetBlobClient(prefix + file.Name);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder.Directory, file.Name)), (await blob.DownloadContentAsync()).Value.Content.ToArray());
            var properties = (await blob.GetPropertiesAsync()).Value;
            Assert.Equal(file.Sha256, properties.Metadata[ReleaseUploader.Sha256Metadata]);
            Assert.Equal("application/octet-stream", properties.ContentType);
        }

        var envelope = Container.GetBlobClient(prefix + "release.json");
        Assert.Equal(File.ReadAllBytes(release.EnvelopePath), (await envelope.DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal("application/json", (await envelope.GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task Upload_through_the_command_line_works_once_and_then_refuses_to_replace_the_version()
    {
        var release = await CutAsync("2.0.1");
        var directory = Path.GetDirectoryName(release.EnvelopePath)!;

        var first = ReleaseToolProcess.Run(_temp.Path, "upload", "--dir", directory, "--channel", _channel, "--version", "2.0.1", "--connection-string", azurite.ConnectionString);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains($"releases/{_channel}/2.0.1/release.json", first.Stdout, StringComparison.Ordinal);
        var before = await ETagsAsync();
        Assert.Equal(3, before.Count);

        // The same version cut again (other bytes, same names): storage keeps what was published first.
        var again = await CutAsync("2.0.1", "again");
        var second = ReleaseToolProcess.Run(_temp.Path, "upload", "--dir", Path.GetDirectoryName(again.EnvelopePath)!, "--channel", _channel, "--version", "2.0.1", "--connection-string", azurite.ConnectionString);

        Assert.Equal(ReleaseExitCodes.AlreadyPublished, second.ExitCode);
        Assert.Contains("already uploaded", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await ETagsAsync());
    }

    [Fact]
    public async Task An_upload_interrupted_before_release_json_can_be_run_again()
    {
        var release = await CutAsync("3.1.0");
        var folder = await ReleaseFolder.ReadAsync(Path.GetDirectoryName(release.EnvelopePath)!, _channel, "3.1.0", CancellationToken.None);
        var file = release.Document.Files[0];
        await Container.CreateIfNotExistsAsync();
        await Container.GetBlobClient($"{_channel}/3.1.0/{file.Name}").UploadAsync(folder.PathOf(file),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { [ReleaseUploader.Sha256Metadata] = file.Sha256 } });

        var uploaded = await new ReleaseUploader(new BlobServiceClient(azurite.ConnectionString)).UploadAsync(folder, CancellationToken.None);

        Assert.Equal([true, false, false], uploaded.Select(b => b.AlreadyThere));
        Assert.True((await Container.GetBlobClient($"{_channel}/3.1.0/release.json").ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_different_file_in_the_way_refuses_the_upload_and_nothing_is_published()
    {
        var release = await CutAsync("3.2.0");
        var file = release.Document.Files[1];
        await Container.CreateIfNotExistsAsync();
        await Container.GetBlobClient($"{_channel}/3.2.0/{file.Name}").UploadAsync(BinaryData.FromString("someone else's build"));

        var result = ReleaseToolProcess.Run(_temp.Path, "upload", "--dir", Path.GetDirectoryName(release.EnvelopePath)!, "--channel", _channel, "--version", "3.2.0", "--connection-string", azurite.ConnectionString);

        Assert.Equal(ReleaseExitCodes.AlreadyPublished, result.ExitCode);
        Assert.Contains("never overwritten", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("someone else's build", (await Container.GetBlobClient($"{_channel}/3.2.0/{file.Name}").DownloadContentAsync()).Value.Content.ToString());
        Assert.False((await Container.GetBlobClient($"{_channel}/3.2.0/release.json").ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_folder_changed_after_signing_is_refused_before_anything_is_uploaded()
    {
        var release = await CutAsync("4.0.0");
        var directory = Path.GetDirectoryName(release.EnvelopePath)!;
        var tampered = Path.Combine(directory, release.Document.Files[0].Name);
        var bytes = File.ReadAllBytes(tampered);
        bytes[100] ^= 1;
        File.WriteAllBytes(tampered, bytes);

        var result = ReleaseToolProcess.Run(_temp.Path, "upload", "--dir", directory, "--channel", _channel, "--version", "4.0.0", "--connection-string", azurite.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("changed after it was signed", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await ETagsAsync());
    }

    [Theory]
    [InlineData("is release 4.1.0 of channel {channel}, not 4.1.0 of other as asked", "--channel", "other")]
    [InlineData("is release 4.1.0 of channel {channel}, not 4.1.1 of {channel} as asked", "--version", "4.1.1")]
    [InlineData("Give exactly one of", "--blob-service-url", "https://bkpreleases.blob.core.windows.net")]
    [InlineData("expected the account's blob endpoint", "--blob-service-url", "http://bkpreleases.blob.core.windows.net")]
    [InlineData("cannot read release.json", "--dir", "{empty}")]
    public async Task Upload_refuses_bad_input_with_exit_code_2(string expected, string option, string value)
    {
        var release = await CutAsync("4.1.0");
        Directory.CreateDirectory(_temp["empty"]);
        var arguments = new Dictionary<string, string>
        {
            ["--dir"] = Path.GetDirectoryName(release.EnvelopePath)!,
            ["--channel"] = _channel,
            ["--version"] = "4.1.0",
            ["--connection-string"] = azurite.ConnectionString,
        };
        arguments[option] = value.Replace("{empty}", _temp["empty"], StringComparison.Ordinal);
        if (option == "--blob-service-url" && value.StartsWith("http:", StringComparison.Ordinal))
        {
            arguments.Remove("--connection-string");
        }

        var result = ReleaseToolProcess.Run(_temp.Path, ["upload", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected.Replace("{channel}", _channel, StringComparison.Ordinal), result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await ETagsAsync());
    }

    private async Task<CutRelease> CutAsync(string version, string folder = "release")
    {
        var name = $"{folder}-{version}";
        using var signer = new KeyFileSigner(SigningKeyFile.Create(_temp[name + ".pem"]), name);
        return await ReleaseCutter.CutAsync(new ReleaseSpec
        {
            Version = version,
            Channel = _channel,
            ValidFor = TimeSpan.FromDays(30),
            Files = ReleaseFileSource.ParseAll([$"linux-x64={_temp.RandomFile($"{name}-in/bkp-probe", 300_000)}", $"win-x64={_temp.RandomFile($"{name}-in/bkp-probe.exe", 5_000)}"]),
            OutputDirectory = _temp[name],
        }, [signer], TimeProvider.System, CancellationToken.None);
    }

    /// <summary>The ETag of every blob of this test's channel: equal before and after means nothing was written.</summary>
    private async Task<Dictionary<string, string>> ETagsAsync()
    {
        var etags = new Dictionary<string, string>();
        if (!(await Container.ExistsAsync()).Value)
        {
            return etags;
        }

        await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = _channel + "/" }))
        {
            etags[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        return etags;
    }

    public void Dispose() => _temp.Dispose();
}
