using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// A probe's public key as enrollment sends it: the DER SubjectPublicKeyInfo (RFC 5280) in standard base64. Import
/// is for what arrives from the network, so it refuses anything that is not exactly one P-256 public key, with a
/// reason, and never throws on bad input.
/// </summary>
public static class PublicKeyInfo
{
    /// <summary>
    /// A P-256 SubjectPublicKeyInfo is 91 bytes (124 characters of base64) with an uncompressed point; the bound
    /// leaves room for other encodings while keeping absurd input from being decoded.
    /// </summary>
    public const int MaxBase64Length = 512;

    public static string Export(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        P256.Require(key.ExportParameters(includePrivateParameters: false), nameof(key));
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Reads a base64 SubjectPublicKeyInfo; on success the caller owns (and disposes) <paramref name="key"/>.</summary>
    public static bool TryImport(string? base64, [NotNullWhen(true)] out ECDsa? key, out string reason)
    {
        key = null;
        if (string.IsNullOrEmpty(base64))
        {
            reason = "The public key is missing.";
            return false;
        }

        if (base64.Length > MaxBase64Length)
        {
            reason = $"The public key is {base64.Length} characters long; a P-256 SubjectPublicKeyInfo in base64 is at most {MaxBase64Length}.";
            return false;
        }

        var der = new byte[base64.Length / 4 * 3];
        if (base64.Length % 4 != 0 || base64.AsSpan().ContainsAny(" \t\r\n") || !Convert.TryFromBase64String(base64, der, out var length))
        {
            reason = "The public key is not valid base64 (standard alphabet, padded, no whitespace).";
            return false;
        }

        var candidate = ECDsa.Create();
        if (!TryRead(candidate, der.AsSpan(0, length), out reason))
        {
            candidate.Dispose();
            return false;
        }

        key = candidate;
        return true;
    }

    private static bool TryRead(ECDsa key, ReadOnlySpan<byte> der, out string reason)
    {
        try
        {
            key.ImportSubjectPublicKeyInfo(der, out var read);
            if (read != der.Length)
            {
                reason = $"The public key has {der.Length - read} bytes after its SubjectPublicKeyInfo.";
                return false;
            }
        }
        catch (CryptographicException)
        {
            reason = "The public key is not an EC public key in SubjectPublicKeyInfo form.";
            return false;
        }

        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (!P256.Is(curve))
        {
            reason = $"The public key is on {P256.Describe(curve)}; only P-256 keys are accepted.";
            return false;
        }

        reason = "";
        return true;
    }
}
