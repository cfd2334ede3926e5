using System.Text;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

/// <summary>A request as a probe signs it, with fixed values so tests can write its headers and base out by hand.</summary>
public sealed record SignedRequest(string Method, string TargetUri, string ContentDigest, string Branch)
{
    public const string KeyIdOfRfcKey = "ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI";

    /// <summary>2026-12-03T12:00:00Z, 1796299200 in Unix seconds.</summary>
    public static readonly DateTimeOffset Created = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static byte[] Body { get; } = Encoding.ASCII.GetBytes("manifest-bytes");

    public static SignedRequest Sample { get; } = new(
        "POST",
        "https://collector.example/api/manifests",
        MonitoramentoBKP.Contracts.Signing.ContentDigest.Of(Body),
        "F001");

    public SignatureHeaders SignWithRfcKey(byte nonceStart = 0)
    {
        using var key = RfcTestKey.Private();
        using var nonces = new CountingNonceSource(nonceStart);
        return MessageSignature.Sign(key, KeyIdOfRfcKey, Method, TargetUri, ContentDigest, Branch, Created, Lifetime, nonces);
    }

    public bool VerifiesWithRfcKey(ParsedSignature signature)
    {
        using var key = RfcTestKey.Public();
        return MessageSignature.Verify(key, signature, Method, TargetUri, ContentDigest, Branch);
    }
}
