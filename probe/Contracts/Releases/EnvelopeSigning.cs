using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// ES256 signatures of an envelope's <c>signed</c> bytes (<see cref="EnvelopeSignature"/>): made with a key file
/// here, or from a SHA-256 digest by a key that never leaves its vault (<see cref="FromDigestSignature"/>).
/// </summary>
public static class EnvelopeSigning
{
    /// <summary>An ES256 signature in IEEE P1363 form: r and s, 32 bytes each.</summary>
    public const int SignatureLength = 64;

    public static EnvelopeSignature Sign(ReadOnlySpan<byte> signed, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new EnvelopeSignature { KeyId = KeyId.Of(key), Sig = Convert.ToBase64String(signature) };
    }

    /// <summary>The SHA-256 digest a remote signer (Key Vault's <c>sign</c> with ES256) must sign.</summary>
    public static byte[] DigestOf(ReadOnlySpan<byte> signed) => SHA256.HashData(signed);

    /// <summary>
    /// The envelope signature from what a remote signer answered for <see cref="DigestOf"/>, checked against the
    /// signer's public key before it is used, so a wrong key or a garbled answer never reaches a release.
    /// </summary>
    public static EnvelopeSignature FromDigestSignature(ReadOnlySpan<byte> signed, ReadOnlySpan<byte> signature, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var result = new EnvelopeSignature { KeyId = KeyId.Of(publicKey), Sig = Convert.ToBase64String(signature) };
        if (!Verify(signed, result, publicKey))
        {
            throw new CryptographicException($"The signature returned for key {result.KeyId} does not verify with that key's public key.");
        }

        return result;
    }

    /// <summary>Whether <paramref name="signature"/> is a valid ES256 signature of <paramref name="signed"/> by <paramref name="publicKey"/>; never throws on bad input.</summary>
    public static bool Verify(ReadOnlySpan<byte> signed, EnvelopeSignature signature, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(publicKey);
        Span<byte> raw = stackalloc byte[SignatureLength];
        return signature.Sig.Length == 88
            && Convert.TryFromBase64String(signature.Sig, raw, out var length)
            && length == SignatureLength
            && publicKey.VerifyData(signed, raw, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
