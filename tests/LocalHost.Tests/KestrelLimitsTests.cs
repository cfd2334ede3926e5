using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.EndToEnd.Tests.Support;
using MonitoramentoBKP.LocalHost.Tests.Support;

namespace MonitoramentoBKP.LocalHost.Tests;

/// <summary>Real HTTP requests to the real local host (its own process, its own Azurite), at Kestrel's limits.</summary>
public sealed class KestrelLimitsTests(KestrelLimitsTests.Host host) : IClassFixture<KestrelLimitsTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public LocalHostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = await LocalHostProcess.StartAsync(storage: null);
            var registry = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));
            (await Process.Client.PostAsync("api/branches/import", new StringContent(registry))).EnsureSuccessStatusCode();
        }

        public async Task DisposeAsync() => await Process.DisposeAsync();
    }

    private static readonly long Limit = KestrelLimits.MaxRequestBodySize(new IngestLimits());

    private static JsonElement Problem(RawHttp.Response response)
    {
        Assert.True(response.Headers.TryGetValue("Content-Type", out var type), $"a bare {response.Status} without a body");
        Assert.StartsWith("application/problem+json", type, StringComparison.Ordinal);
        return JsonDocument.Parse(response.Body).RootElement;
    }

    [Fact]
    public async Task A_body_past_Kestrels_limit_gets_a_problem_413_naming_the_limit_not_an_empty_answer()
    {
        var response = await RawHttp.SendAsync(host.Process.Address, $"""
            POST /api/branches/import HTTP/1.1
            Host: 127.0.0.1
            x-functions-key: {LocalHostProcess.Key}
            Content-Type: application/json
            Content-Length: {40L * 1024 * 1024}
            """);

        Assert.Equal(413, response.Status);
        var problem = Problem(response);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("too-large", problem.GetProperty("type").GetString());
        Assert.Contains($"at most {Limit} bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(Limit, problem.GetProperty("maxBytes").GetInt64());
    }

    [Fact]
    public async Task Broken_chunked_encoding_gets_a_problem_400_saying_so()
    {
        var response = await RawHttp.SendAsync(host.Process.Address, $"""
            POST /api/branches/import HTTP/1.1
            Host: 127.0.0.1
            x-functions-key: {LocalHostProcess.Key}
            Content-Type: application/json
            Transfer-Encoding: chunked
            """, "zz\r\n{}\r\n0\r\n\r\n");

        Assert.Equal(400, response.Status);
        var problem = Problem(response);
        Assert.Equal("bad-request", problem.GetProperty("type").GetString());
        Assert.Contains("chunk", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_manifest_larger_than_Kestrels_default_limit_but_within_the_collectors_cap_is_judged_by_the_collector()
    {
        // 31 MiB: past Kestrel's default 30,000,000 bytes, under the collector's 32 MiB. Sent chunked (no
        // Content-Length), so only counting what is read can stop it; not gzip, so the collector says so.
        var body = new byte[31 * 1024 * 1024];
        new Random(7).NextBytes(body);
        using var probe = await EnrolledProbe.EnrollAsync(host.Process, "F003");
        using var request = probe.Request(HttpMethod.Post, "api/manifests", body, "application/json", "gzip");
        request.Content = new StreamContent(new NonSeekable(body));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");

        using var response = await probe.SendRawAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("bad-gzip", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A stream of unknown length, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
