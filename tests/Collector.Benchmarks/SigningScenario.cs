using System.Diagnostics;
using System.Security.Cryptography;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// The cost of the signature check on a probe request, measured in-process with the collector's own
/// <see cref="ProbeAuthenticator"/> over an in-memory key table (no storage round trip, which the local host's
/// ingest run pays once per request for the key and once for the nonce): each request signed anew, as probes do.
/// </summary>
public static class SigningScenario
{
    /// <summary>The size class of the ingest run's manifests (about 6 kB of gzip), which the ratio is taken against.</summary>
    public const int BodyBytes = 8 * 1024;

    public static async Task<SigningResult> RunAsync(BenchOptions options, TextWriter log)
    {
        var iterations = Math.Max(options.Iterations, 200);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = KeyId.Of(key);
        var store = new Keys(new ProbeKey { KeyId = keyId, BranchId = "F001", PublicKey = PublicKeyInfo.Export(key), EnrolledUtc = DateTime.UtcNow });
        var authenticator = new ProbeAuthenticator(store, new IdentityLimits(), TimeProvider.System);

        // A body about the size of the ingest run's manifests (2 sets of gzip JSON), so the digest costs what it costs there.
        var body = RandomNumberGenerator.GetBytes(BodyBytes);
        const string Target = "http://127.0.0.1:7071/api/manifests";
        var requests = Enumerable.Range(0, iterations + 50).Select(_ =>
        {
            var digest = ContentDigest.Of(body);
            var headers = MessageSignature.Sign(key, keyId, "POST", Target, digest, "F001", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), RandomNumberGenerator.Create());
            return new SignedRequest { Method = "POST", TargetUri = Target, SignatureInput = headers.SignatureInput, Signature = headers.Signature, ContentDigest = digest, Branch = "F001" };
        }).ToList();

        var full = new List<double>();
        var verify = new List<double>();
        var digests = new List<double>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var start = Stopwatch.GetTimestamp();
            var (admission, refusal) = await authenticator.AdmitAsync(request, default).ConfigureAwait(false);
            refusal ??= await authenticator.VerifyAsync(admission!, request, body, default).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (refusal is not null)
            {
                throw new BenchSetupException($"a signed request was refused in-process: {refusal.Type}: {refusal.Detail}");
            }

            SignatureInput.TryParse(request.SignatureInput, request.Signature, out var parsed, out _);
            start = Stopwatch.GetTimestamp();
            var valid = MessageSignature.Verify(key, parsed!, "POST", Target, request.ContentDigest!, "F001");
            var verifyUs = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            start = Stopwatch.GetTimestamp();
            var matches = ContentDigest.Matches(request.ContentDigest, body, out _);
            var digestUs = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (!valid || !matches)
            {
                throw new BenchSetupException("the signature or digest did not check out in-process");
            }

            // The first requests warm the JIT and the key import; they are not timed.
            if (i >= 50)
            {
                full.Add(elapsed);
                verify.Add(verifyUs);
                digests.Add(digestUs);
            }
        }

        var result = new SigningResult
        {
            Iterations = iterations,
            BodyBytes = body.Length,
            FullUs = LatencySummary.Of(full),
            VerifyUs = LatencySummary.Of(verify),
            DigestUs = LatencySummary.Of(digests),
        };
        log.WriteLine($"signing: one signed request checked in {Units.Number(result.FullUs.P50Ms)} µs (p50; p99 {Units.Number(result.FullUs.P99Ms)} µs) for a {Units.Bytes(body.Length)} body: " +
            $"ECDSA verify {Units.Number(result.VerifyUs.P50Ms)} µs, Content-Digest {Units.Number(result.DigestUs.P50Ms)} µs; {iterations} requests");
        return result;
    }

    /// <summary>One enrolled key, and nonces in memory.</summary>
    private sealed class Keys(ProbeKey key) : IIdentityStore
    {
        private readonly HashSet<string> _nonces = [];

        public Task AddTokenAsync(EnrollmentToken token, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<EnrollmentToken?> FindTokenAsync(string hash, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TrySpendTokenAsync(EnrollmentToken token, DateTime spentUtc, string keyId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ProbeKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken) => Task.FromResult(keyId == key.KeyId ? key : null);
        public Task PutKeyAsync(ProbeKey probeKey, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<ProbeKey>> KeysOfAsync(string branchId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ProbeKey>>([key]);
        public Task<bool> TryAddNonceAsync(string keyId, string nonce, DateTime keepUntilUtc, CancellationToken cancellationToken) => Task.FromResult(_nonces.Add(nonce));
        public Task<int> RemoveExpiredNoncesAsync(DateTime nowUtc, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
