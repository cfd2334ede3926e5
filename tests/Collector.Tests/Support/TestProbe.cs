using System.Security.Cryptography;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>A branch's probe for tests: its own P-256 key, and requests signed the way bkp-probe signs them.</summary>
public sealed class TestProbe(string branchId) : IDisposable
{
    public const string Collector = "https://collector.example/";

    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public string BranchId { get; } = branchId;
    public string KeyId => MonitoramentoBKP.Contracts.Signing.KeyId.Of(Key);
    public string PublicKey => PublicKeyInfo.Export(Key);

    /// <summary>The key as the collector stores it once enrolled.</summary>
    public ProbeKey Enrolled(DateTime atUtc) => new() { KeyId = KeyId, BranchId = BranchId, PublicKey = PublicKey, EnrolledUtc = atUtc };

    /// <summary>A request for <paramref name="path"/> with <paramref name="body"/>, signed at <paramref name="created"/> for five minutes.</summary>
    public SignedRequest Sign(string method, string path, ReadOnlySpan<byte> body, DateTimeOffset created, string? branch = null, TimeSpan? lifetime = null, Uri? collector = null)
    {
        var target = (collector?.AbsoluteUri ?? Collector) + path;
        var digest = ContentDigest.Of(body);
        var headers = MessageSignature.Sign(Key, KeyId, method, target, digest, branch ?? BranchId, created, lifetime ?? TimeSpan.FromMinutes(5), RandomNumberGenerator.Create());
        return new SignedRequest
        {
            Method = method,
            TargetUri = target,
            SignatureInput = headers.SignatureInput,
            Signature = headers.Signature,
            ContentDigest = digest,
            Branch = branch ?? BranchId,
        };
    }

    public void Dispose() => Key.Dispose();
}
