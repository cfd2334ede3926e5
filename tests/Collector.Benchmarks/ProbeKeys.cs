using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// The benchmark's branches enrolled with the local host as bkp-probe enrolls them (a one-time token from the
/// admin route, the public key sent signed with the new key), and the signing of their requests.
/// </summary>
public sealed class ProbeKeys : IDisposable
{
    private readonly ConcurrentDictionary<string, ECDsa> _keys = new(StringComparer.OrdinalIgnoreCase);

    private ProbeKeys(Uri collector) => Collector = collector;

    public Uri Collector { get; }

    public static async Task<ProbeKeys> EnrollAsync(LocalHostProcess host, IEnumerable<string> branches)
    {
        var keys = new ProbeKeys(host.Address);
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        foreach (var branch in branches.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var created = await host.Client.PostAsync($"api/branches/{Uri.EscapeDataString(branch)}/enrollment", null).ConfigureAwait(false);
            if (!created.IsSuccessStatusCode)
            {
                throw new BenchSetupException($"no enrollment token for {branch}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }

            var token = (await created.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).GetProperty("token").GetString()!;
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var body = JsonSerializer.SerializeToUtf8Bytes(new EnrollRequest { BranchId = branch, Token = token, PublicKey = PublicKeyInfo.Export(key) }, ContractsJsonContext.Default.EnrollRequest);
            using var request = new HttpRequestMessage(HttpMethod.Post, ProbeApi.EnrollPath) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            keys._keys[branch] = key;
            keys.Sign(request, branch, body);
            using var enrolled = await anonymous.SendAsync(request).ConfigureAwait(false);
            if ((int)enrolled.StatusCode != 201)
            {
                throw new BenchSetupException($"enrolling {branch} answered {(int)enrolled.StatusCode}: {await enrolled.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }
        }

        return keys;
    }

    /// <summary>Adds the signature headers bkp-probe sends for <paramref name="body"/>, when <paramref name="branch"/> is enrolled.</summary>
    public void Sign(HttpRequestMessage request, string branch, ReadOnlySpan<byte> body)
    {
        if (!_keys.TryGetValue(branch, out var key))
        {
            return;
        }

        var digest = ContentDigest.Of(body);
        var target = new Uri(Collector, request.RequestUri!).AbsoluteUri;
        var headers = MessageSignature.Sign(key, KeyId.Of(key), request.Method.Method, target, digest, branch, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), RandomNumberGenerator.Create());
        request.Headers.TryAddWithoutValidation(MessageSignature.SignatureInputHeaderName, headers.SignatureInput);
        request.Headers.TryAddWithoutValidation(MessageSignature.SignatureHeaderName, headers.Signature);
        request.Headers.TryAddWithoutValidation(ContentDigest.HeaderName, digest);
        if (!request.Headers.Contains(ManifestUpload.BranchHeader))
        {
            request.Headers.TryAddWithoutValidation(ManifestUpload.BranchHeader, branch);
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
