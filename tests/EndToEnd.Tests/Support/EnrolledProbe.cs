using System.Net.Http.Json;
using System.Text.Json;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.EndToEnd.Tests.Support;

/// <summary>
/// A branch's probe enrolled with the local host the way ops and bkp-probe enroll do it: a one-time token from the
/// admin route, then the new public key sent signed with its private half. Its requests are signed over HTTP as
/// bkp-probe signs them, with no admin key.
/// </summary>
public sealed class EnrolledProbe : IDisposable
{
    private readonly LocalHostProcess _host;
    private readonly HttpClient _client;

    private EnrolledProbe(LocalHostProcess host, TestProbe probe)
    {
        _host = host;
        Probe = probe;
        _client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public TestProbe Probe { get; }

    public static async Task<EnrolledProbe> EnrollAsync(LocalHostProcess host, string branchId)
    {
        var token = await host.Client.PostAsync($"api/branches/{branchId}/enrollment", null);
        token.EnsureSuccessStatusCode();
        var text = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var enrolled = new EnrolledProbe(host, new TestProbe(branchId));
        var body = JsonSerializer.SerializeToUtf8Bytes(new EnrollRequest { BranchId = branchId, Token = text, PublicKey = enrolled.Probe.PublicKey }, ContractsJsonContext.Default.EnrollRequest);
        using var response = await enrolled.SendAsync(HttpMethod.Post, ProbeApi.EnrollPath, body, "application/json", encoding: null);
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"Enrolling {branchId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return enrolled;
    }

    /// <summary>Posts <paramref name="manifest"/> as bkp-probe does: gzip, signed.</summary>
    public Task<HttpResponseMessage> PostAsync(Manifest manifest) =>
        SendAsync(HttpMethod.Post, ManifestUpload.Path, Manifests.Gzip(Manifests.Json(manifest)), "application/json", "gzip");

    /// <summary>A request signed by this probe (its branch in X-Bkp-Branch unless <paramref name="headers"/> names another), with the local host's clock.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[] body, string? contentType, string? encoding, IReadOnlyDictionary<string, string>? headers = null, bool expectContinue = false) =>
        _client.SendAsync(Request(method, path, body, contentType, encoding, headers, expectContinue));

    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request) => _client.SendAsync(request);

    public HttpRequestMessage Request(HttpMethod method, string path, byte[] body, string? contentType, string? encoding, IReadOnlyDictionary<string, string>? headers = null, bool expectContinue = false)
    {
        var branch = headers is not null && headers.TryGetValue(ManifestUpload.BranchHeader, out var b) ? b : Probe.BranchId;
        var signed = Probe.Sign(method.Method, path, body, DateTimeOffset.UtcNow, branch, collector: _host.Address);
        var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            request.Headers.ExpectContinue = expectContinue;
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            }

            if (encoding is not null)
            {
                request.Content.Headers.ContentEncoding.Add(encoding);
            }
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // The corpus's own signature headers (hostile ones) win over the probe's.
        if (!request.Headers.Contains(MessageSignature.SignatureInputHeaderName) && !request.Headers.Contains(MessageSignature.SignatureHeaderName))
        {
            request.Headers.TryAddWithoutValidation(MessageSignature.SignatureInputHeaderName, signed.SignatureInput);
            request.Headers.TryAddWithoutValidation(MessageSignature.SignatureHeaderName, signed.Signature);
        }
        if (!request.Headers.Contains(ContentDigest.HeaderName) && !(request.Content?.Headers.Contains(ContentDigest.HeaderName) ?? false))
        {
            request.Headers.TryAddWithoutValidation(ContentDigest.HeaderName, signed.ContentDigest);
        }

        if (!request.Headers.Contains(ManifestUpload.BranchHeader))
        {
            request.Headers.TryAddWithoutValidation(ManifestUpload.BranchHeader, signed.Branch);
        }

        return request;
    }

    public void Dispose()
    {
        _client.Dispose();
        Probe.Dispose();
    }
}
