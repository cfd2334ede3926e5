using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Tests.Releases;

/// <summary>Release and key-rotation envelopes signed as the release tool signs them, for the verifier's tests.</summary>
public static class TestReleases
{
    public static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

    public static ReleaseFile File(string runtime = "linux-x64", string name = "bkp-probe", long length = 1234, string? sha256 = null) => new()
    {
        Runtime = runtime,
        Name = name,
        Length = length,
        Sha256 = sha256 ?? new string('a', 64),
    };

    public static ReleaseDocument Document(string version = "1.5.0", string channel = "stable", params ReleaseFile[] files) => new()
    {
        Type = ReleaseDocument.DocumentType,
        Version = version,
        Channel = channel,
        PublishedUtc = Now.AddDays(-1),
        ExpiresUtc = Now.AddDays(30),
        Files = files.Length == 0 ? [File(), File("win-x64", "bkp-probe.exe")] : files,
    };

    public static byte[] Signed(ReleaseDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, ContractsJsonContext.Default.ReleaseDocument);

    public static byte[] Signed(TrustedKeysDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, ContractsJsonContext.Default.TrustedKeysDocument);

    public static byte[] Envelope(byte[] signed, params ECDsa[] keys) => SignedEnvelope.Write(signed, keys.Select(k => EnvelopeSigning.Sign(signed, k)));

    public static byte[] Envelope(ReleaseDocument document, params ECDsa[] keys) => Envelope(Signed(document), keys);

    public static byte[] Envelope(string signedJson, params ECDsa[] keys) => Envelope(Encoding.UTF8.GetBytes(signedJson), keys);

    public static TrustedKeysDocument Rotation(int version, params ECDsa[] keys) => new()
    {
        Type = TrustedKeysDocument.DocumentType,
        Version = version,
        PublishedUtc = Now,
        Keys = [.. keys.Select(k => new TrustedKey { KeyId = KeyId.Of(k), PublicKey = PublicKeyInfo.Export(k) })],
    };

    public static Dictionary<string, ECDsa> Trust(params ECDsa[] keys) => keys.ToDictionary(KeyId.Of, k => k, StringComparer.Ordinal);

    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);
}
