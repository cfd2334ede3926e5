using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// Reads the Signature-Input and Signature headers of a received request, strictly, as hostile input: each is at
/// most <see cref="MessageSignature.MaxHeaderLength"/> characters and a well-formed Structured Fields dictionary
/// with exactly one member, "bkp"; Signature-Input covers exactly the profile's components in order and carries
/// exactly created, expires, nonce, keyid and alg (any order, each once, of its type); Signature is one 64-byte byte
/// sequence. Anything else is refused with a reason saying what is wrong and where, never with an exception.
/// </summary>
public static class SignatureInput
{
    /// <summary>Nonces longer than this (in base64url characters) are refused; the probe sends 22.</summary>
    public const int MaxNonceLength = 128;

    private const int MinNonceLength = 22;

    private static readonly string[] ParameterNames = ["created", "expires", "nonce", "keyid", "alg"];

    /// <summary>The latest second <see cref="DateTimeOffset"/> holds (9999-12-31T23:59:59Z).</summary>
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static bool TryParse(string? signatureInputHeader, string? signatureHeader, [NotNullWhen(true)] out ParsedSignature? signature, out string reason)
    {
        signature = null;
        if (!TryOnlyMember(signatureInputHeader, MessageSignature.SignatureInputHeaderName, out var input, out reason)
            || !TryParams(input, out var values, out reason)
            || !TryOnlyMember(signatureHeader, MessageSignature.SignatureHeaderName, out var value, out reason)
            || !TrySignatureBytes(value, out var bytes, out reason))
        {
            return false;
        }

        signature = new ParsedSignature(
            values.KeyId,
            DateTimeOffset.FromUnixTimeSeconds(values.Created),
            DateTimeOffset.FromUnixTimeSeconds(values.Expires),
            values.Nonce,
            values.Alg,
            bytes,
            StructuredFieldWriter.InnerList(input.InnerList!, input.Parameters));
        return true;
    }

    private static bool TryOnlyMember(string? header, string name, [NotNullWhen(true)] out SfMember? member, out string reason)
    {
        member = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            reason = $"{name} is missing.";
            return false;
        }

        if (header.Length > MessageSignature.MaxHeaderLength)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{name} is {header.Length} characters long; at most {MessageSignature.MaxHeaderLength} are accepted.");
            return false;
        }

        if (!StructuredFieldParser.TryParseDictionary(header.Trim(' ', '\t'), name, out var members, out reason))
        {
            return false;
        }

        var other = members.FirstOrDefault(m => m.Key != MessageSignature.Label);
        if (other is not null)
        {
            reason = $"{name}: the label '{other.Key}' is not accepted; only one signature, labelled '{MessageSignature.Label}', is.";
            return false;
        }

        if (members.Count == 0)
        {
            reason = $"{name} holds no signature; one labelled '{MessageSignature.Label}' is required.";
            return false;
        }

        member = members[0];
        reason = "";
        return true;
    }

    private static bool TryParams(SfMember input, out ProfileParams values, out string reason)
    {
        values = default;
        var name = MessageSignature.SignatureInputHeaderName;
        if (input.InnerList is not { } components)
        {
            reason = $"{name}: '{MessageSignature.Label}' must be an inner list of covered components, such as (\"@method\" ...).";
            return false;
        }

        var expected = MessageSignature.CoveredComponents;
        var plain = components.All(c => c.Value.Kind == SfKind.String && c.Parameters.Count == 0);
        if (!plain || !components.Select(c => c.Value.Text).SequenceEqual(expected))
        {
            var shown = plain ? StructuredFieldWriter.InnerList(components, []) : "components that are not plain strings";
            reason = $"{name}: '{MessageSignature.Label}' covers {shown}; exactly (\"{string.Join("\" \"", expected)}\"), in this order, is required.";
            return false;
        }

        var unknown = input.Parameters.FirstOrDefault(p => !ParameterNames.Contains(p.Key));
        if (unknown is not null)
        {
            reason = $"{name}: the parameter '{unknown.Key}' is not accepted; only {string.Join(", ", ParameterNames)} are.";
            return false;
        }

        var missing = ParameterNames.FirstOrDefault(n => !input.Parameters.Any(p => p.Key == n));
        if (missing is not null)
        {
            reason = $"{name}: the parameter '{missing}' is missing.";
            return false;
        }

        var found = input.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (!TryTime(found["created"], "created", out var created, out reason)
            || !TryTime(found["expires"], "expires", out var expires, out reason)
            || !TryText(found["nonce"], "nonce", out var nonce, out reason)
            || !TryText(found["keyid"], "keyid", out var keyId, out reason)
            || !TryText(found["alg"], "alg", out var alg, out reason))
        {
            return false;
        }

        reason = ValuesProblem(created, expires, nonce, keyId, alg) ?? "";
        values = new ProfileParams(created, expires, nonce, keyId, alg);
        return reason.Length == 0;
    }

    private static string? ValuesProblem(long created, long expires, string nonce, string keyId, string alg)
    {
        var name = MessageSignature.SignatureInputHeaderName;
        if (expires <= created)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name}: expires ({expires}) must be later than created ({created}).");
        }

        if (nonce.Length is < MinNonceLength or > MaxNonceLength || nonce.Length % 4 == 1 || nonce.AsSpan().IndexOfAnyExcept(KeyId.Base64UrlChars) >= 0)
        {
            return $"{name}: the nonce must be {MinNonceLength} to {MaxNonceLength} base64url characters (at least 128 random bits).";
        }

        if (!KeyId.IsWellFormed(keyId))
        {
            return $"{name}: the keyid must be a JWK thumbprint, {KeyId.Length} base64url characters.";
        }

        return alg == MessageSignature.Algorithm
            ? null
            : $"{name}: the alg '{ValueProblem.Escape(alg)}' is not accepted; only '{MessageSignature.Algorithm}' is.";
    }

    private static bool TryTime(SfBareItem item, string parameter, out long seconds, out string reason)
    {
        seconds = item.Integer;
        if (item.Kind != SfKind.Integer || item.Integer < 0 || item.Integer > MaxUnixSeconds)
        {
            reason = $"{MessageSignature.SignatureInputHeaderName}: {parameter} must be an integer of Unix seconds, not {item.Describe()}.";
            return false;
        }

        reason = "";
        return true;
    }

    private static bool TryText(SfBareItem item, string parameter, out string text, out string reason)
    {
        text = item.Text;
        if (item.Kind != SfKind.String)
        {
            reason = $"{MessageSignature.SignatureInputHeaderName}: {parameter} must be a string, not {item.Describe()}.";
            return false;
        }

        reason = "";
        return true;
    }

    private static bool TrySignatureBytes(SfMember member, [NotNullWhen(true)] out byte[]? bytes, out string reason)
    {
        bytes = null;
        var name = MessageSignature.SignatureHeaderName;
        if (member.Value is not { Kind: SfKind.ByteSequence, Bytes: { } value } || member.Parameters.Count > 0)
        {
            reason = $"{name}: '{MessageSignature.Label}' must be one byte sequence (:base64:) with no parameters.";
            return false;
        }

        if (value.Length != 2 * P256.FieldSize)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{name}: the signature is {value.Length} bytes; an {MessageSignature.Algorithm} signature (r||s) is {2 * P256.FieldSize}.");
            return false;
        }

        bytes = value;
        reason = "";
        return true;
    }

    private readonly record struct ProfileParams(long Created, long Expires, string Nonce, string KeyId, string Alg);
}
