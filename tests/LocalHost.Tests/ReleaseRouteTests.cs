using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using MonitoramentoBKP.Collector.Storage;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.EndToEnd.Tests.Support;
using MonitoramentoBKP.LocalHost.Tests.Support;

namespace MonitoramentoBKP.LocalHost.Tests;

/// <summary>
/// The release routes and the goodbye on the real local host (its own process, over HTTP, on an Azurite this test
/// uploads releases to as the release tool does): admin publish, signed update and file downloads, uninstall.
/// </summary>
public sealed class ReleaseRouteTests(ReleaseRouteTests.Host host) : IClassFixture<ReleaseRouteTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        private LocalAzurite? _azurite;

        public LocalHostProcess Process { get; private set; } = null!;
        public BlobContainerClient Releases { get; private set; } = null!;

        /// <summary>The Azurite the host stores in, for uploads as the release tool makes them.</summary>
        public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

        public async Task InitializeAsync()
        {
            _azurite = await LocalAzurite.StartAsync();
            Process = await LocalHostProcess.StartAsync(_azurite.ConnectionString);
            Releases = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(BlobReleaseStore.ContainerName);
            var registry = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));
            (await Process.Client.PostAsync("api/branches/import", new StringContent(registry))).EnsureSuccessStatusCode();
        }

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
            }
        }

        /// <summary>Uploads a release of <paramref name="version"/> (files first, release.json last, as the release tool does); the envelope's bytes.</summary>
        public async Task<byte[]> UploadAsync(string channel, string version)
        {
            var document = TestReleases.Document(channel, version, DateTime.UtcNow.AddMinutes(-1));
            foreach (var file in document.Files)
            {
                await Releases.UploadBlobAsync($"{channel}/{version}/{file.Name}", BinaryData.FromBytes(TestReleases.Content(version, file.Runtime)));
            }

            var envelope = TestReleases.Envelope(document);
            await Releases.UploadBlobAsync($"{channel}/{version}/release.json", BinaryData.FromBytes(envelope));
            return envelope;
        }

        public async Task<HttpResponseMessage> PublishAsync(string channel, string body) =>
            await Process.Client.PostAsync(ProbeApi.ReleasesPath(channel), new StringContent(body, Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task A_published_release_is_offered_byte_for_byte_and_its_files_stream_with_their_length()
    {
        var envelope = await host.UploadAsync("stable", "2.1.0");
        using var published = await host.PublishAsync("stable", """{"version": "2.1.0", "percent": 0, "pilots": ["F001"]}""");
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        using var pilot = await EnrolledProbe.EnrollAsync(host.Process, "F001");
        using var other = await EnrolledProbe.EnrollAsync(host.Process, "F002");

        using var offered = await pilot.SendAsync(HttpMethod.Get, ProbeApi.UpdatePath + "?channel=stable", [], null, null);
        using var nothing = await other.SendAsync(HttpMethod.Get, ProbeApi.UpdatePath + "?channel=stable", [], null, null);
        using var file = await pilot.SendAsync(HttpMethod.Get, ProbeApi.ReleaseFilePath("2.1.0", TestReleases.LinuxFile), [], null, null);
        using var refused = await other.SendAsync(HttpMethod.Get, ProbeApi.ReleaseFilePath("2.1.0", TestReleases.LinuxFile), [], null, null);

        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        Assert.Equal("application/json", offered.Content.Headers.ContentType!.MediaType);
        Assert.Equal(envelope, await offered.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NoContent, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(4096, file.Content.Headers.ContentLength);
        Assert.Equal("application/octet-stream", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TestReleases.Content("2.1.0", "linux-x64"), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Raising_to_100_percent_offers_it_to_everyone_and_the_status_counts_the_release()
    {
        await host.UploadAsync("beta", "3.0.0");
        (await host.PublishAsync("beta", """{"version": "3.0.0", "percent": 1}""")).EnsureSuccessStatusCode();
        using var raised = await host.PublishAsync("beta", """{"version": "3.0.0", "percent": 100}""");
        using var probe = await EnrolledProbe.EnrollAsync(host.Process, "F010");

        using var offered = await probe.SendAsync(HttpMethod.Get, ProbeApi.UpdatePath + "?channel=beta", [], null, null);
        var status = await host.Process.Client.GetFromJsonAsync<JsonElement>("api/status");

        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var release = status.GetProperty("fleet").GetProperty("releases").EnumerateArray().Single(r => r.GetProperty("channel").GetString() == "beta");
        Assert.Equal(("3.0.0", 100), (release.GetProperty("version").GetString(), release.GetProperty("percent").GetInt32()));
        Assert.True(status.GetProperty("fleet").TryGetProperty("versions", out _));
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_it_never_a_500()
    {
        using var badBody = await host.PublishAsync("stable", """{"version": "2.1.0", "percent": "all"}""");
        using var unknown = await host.PublishAsync("stable", """{"version": "7.7.7", "percent": 10}""");
        using var withoutKey = await new HttpClient { BaseAddress = host.Process.Address }.PostAsync(ProbeApi.ReleasesPath("stable"), new StringContent("{}"));
        using var probe = await EnrolledProbe.EnrollAsync(host.Process, "F003");
        using var badChannel = await probe.SendAsync(HttpMethod.Get, ProbeApi.UpdatePath + "?channel=a%2Fb", [], null, null);
        using var badFile = await probe.SendAsync(HttpMethod.Get, ProbeApi.ReleaseFilePath("2.1.0", "a..b"), [], null, null);
        var traversal = await RawHttp.SendAsync(host.Process.Address, """
            GET /api/probe/releases/2.1.0/%2E%2E%2Frelease.json HTTP/1.1
            Host: 127.0.0.1
            """);

        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        Assert.Contains("$.percent", await badBody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFile.StatusCode);
        Assert.InRange(traversal.Status, 400, 499);
    }

    [Fact]
    public async Task The_goodbye_is_the_last_request_the_probes_key_signs()
    {
        using var probe = await EnrolledProbe.EnrollAsync(host.Process, "F005");

        using var goodbye = await probe.SendAsync(HttpMethod.Post, ProbeApi.UninstalledPath, [], null, null);
        using var after = await probe.SendAsync(HttpMethod.Get, ProbeApi.PolicyPath, [], null, null);
        var branch = await host.Process.Client.GetFromJsonAsync<JsonElement>("api/branches/F005");

        Assert.Equal(HttpStatusCode.OK, goodbye.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("revoked-key", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, branch.GetProperty("uninstalledUtc").ValueKind);
        Assert.StartsWith("sonda desinstalada em ", branch.GetProperty("probeNote").GetProperty("pt").GetString(), StringComparison.Ordinal);
    }
}
