using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.ReleaseTool.Tests.Support;

/// <summary>Reads back what bkp-release wrote, as a probe would: the envelope, its signed document, and which keys' signatures verify.</summary>
public static class Envelopes
{
    public static SignedEnvelope Parse(byte[] bytes)
    {
        Assert.True(SignedEnvelope.TryParse(bytes, out var envelope, out var problem), problem);
        return envelope;
    }

    public static ReleaseDocument Release(SignedEnvelope envelope) =>
        JsonSerializer.Deserialize(envelope.Signed.Span, ContractsJsonContext.Default.ReleaseDocument)!;

    public static TrustedKeysDocument Keys(SignedEnvelope envelope) =>
        JsonSerializer.Deserialize(envelope.Signed.Span, ContractsJsonContext.Default.TrustedKeysDocument)!;

    /// <summary>Asserts the envelope carries exactly one signature per key, in order, each valid for that key.</summary>
    public static void AssertSignedBy(SignedEnvelope envelope, params ECDsa[] keys)
    {
        Assert.Equal(keys.Length, envelope.Signatures.Count);
        foreach (var (signature, key) in envelope.Signatures.Zip(keys))
        {
            Assert.Equal(KeyId.Of(key), signature.KeyId);
            Assert.True(EnvelopeSigning.Verify(envelope.Signed.Span, signature, key), $"the signature by {signature.KeyId} does not verify");
        }
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
