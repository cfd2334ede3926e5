using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// The Content-Digest header (RFC 9530) of the profile: SHA-256 of the body bytes exactly as sent (for a manifest,
/// the gzip bytes), written "sha-256=:base64:". The signature covers this header, and the collector checks it
/// against the body it received, so together they bind the signature to the body. A received header is a
/// Structured Fields dictionary that may list other algorithms too; only its sha-256 member is used.
/// </summary>
public static class ContentDigest
{
    public const string HeaderName = "Content-Digest";

    public const string Algorithm = "sha-256";

    public static string Of(ReadOnlySpan<byte> body) =>
        string.Concat(Algorithm, "=:", Convert.ToBase64String(SHA256.HashData(body)), ":");

    /// <summary>
    /// Reads the sha-256 digest from a received header. Refused, with a reason: a missing or over-long header, one
    /// that is not a well-formed dictionary (including one naming an algorithm twice), one without a sha-256 member,
    /// and a sha-256 member that is not a 32-byte byte sequence.
    /// </summary>
    public static bool TryParse(string? header, [NotNullWhen(true)] out byte[]? sha256, out string reason)
    {
        sha256 = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            reason = $"{HeaderName} is missing.";
            return false;
        }

        if (header.Length > MessageSignature.MaxHeaderLength)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{HeaderName} is {header.Length} characters long; at most {MessageSignature.MaxHeaderLength} are accepted.");
            return false;
        }

        if (!StructuredFieldParser.TryParseDictionary(header.Trim(' ', '\t'), HeaderName, out var members, out reason))
        {
            return false;
        }

        var member = members.FirstOrDefault(m => m.Key == Algorithm);
        if (member is null)
        {
            reason = members.Count == 0
                ? $"{HeaderName} lists no digest; {Algorithm} is required."
                : $"{HeaderName} has no {Algorithm} digest (it lists {string.Join(", ", members.Select(m => m.Key))}).";
            return false;
        }

        if (member.Value is not { Kind: SfKind.ByteSequence, Bytes: { } bytes })
        {
            reason = $"{HeaderName}: the {Algorithm} digest must be a byte sequence (:base64:).";
            return false;
        }

        if (bytes.Length != SHA256.HashSizeInBytes)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{HeaderName}: the {Algorithm} digest is {bytes.Length} bytes; SHA-256 gives {SHA256.HashSizeInBytes}.");
            return false;
        }

        sha256 = bytes;
        reason = "";
        return true;
    }

    /// <summary>
    /// Whether <paramref name="header"/> carries the SHA-256 of <paramref name="body"/>, compared in constant time.
    /// <paramref name="reason"/> says why not: the header's own fault, or that the body differs.
    /// </summary>
    public static bool Matches(string? header, ReadOnlySpan<byte> body, out string reason)
    {
        if (!TryParse(header, out var expected, out reason))
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(body)))
        {
            reason = $"{HeaderName}: the {Algorithm} digest does not match the body received.";
            return false;
        }

        return true;
    }
}
