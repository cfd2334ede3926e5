using System.Security.Cryptography;
using System.Text.Json;

namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// Decides whether a probe may install a release, and whether it may trust a key rotation, from the envelope bytes
/// alone (TUF's order: size, signatures, then content). A release is accepted only when one signature by a trusted
/// key verifies over the exact <c>signed</c> bytes, the document is a well-formed release (<see cref="ReleaseRules"/>) of this channel that has
/// not expired, is newer than anything accepted before, and lists exactly one usable file for this runtime. Every
/// refusal is a <see cref="ReleaseRefusal"/> with its own kind and an English reason; nothing here throws on input.
/// </summary>
public static class ReleaseVerifier
{
    /// <param name="envelope">The envelope exactly as served.</param>
    /// <param name="trustedKeys">The release keys the probe trusts, by key id.</param>
    /// <param name="channel">The probe's channel (probe.json <c>updateChannel</c>).</param>
    /// <param name="runtime">The probe's runtime identifier, such as <c>linux-x64</c>.</param>
    /// <param name="highestAccepted">The highest version the probe ever accepted (or runs); null when none.</param>
    /// <param name="nowUtc">The probe's clock.</param>
    public static ReleaseCheck VerifyRelease(
        ReadOnlyMemory<byte> envelope, IReadOnlyDictionary<string, ECDsa> trustedKeys, string channel, string runtime, ReleaseVersion? highestAccepted, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(trustedKeys);
        if (!TryReadSigned(envelope, trustedKeys, ReleaseDocument.DocumentType, out var signed, out var refusal))
        {
            return new ReleaseCheck { Refusal = refusal };
        }

        ReleaseDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(signed.Span, ContractsJsonContext.Default.ReleaseDocument);
        }
        catch (JsonException e)
        {
            return Refused(ReleaseRefusalKind.Malformed, $"The release document is not well-formed: {e.Message}");
        }

        if (document is null)
        {
            return Refused(ReleaseRefusalKind.Malformed, "The release document is null.");
        }

        if (ReleaseRules.Problem(document) is { } problem)
        {
            return new ReleaseCheck { Refusal = problem };
        }

        var version = ReleaseVersion.Parse(document.Version);
        if (nowUtc >= document.ExpiresUtc)
        {
            return Refused(ReleaseRefusalKind.Expired, $"Release {version} expired at {document.ExpiresUtc:O}; it is now {nowUtc:O}.", document);
        }

        if (!string.Equals(document.Channel, channel, StringComparison.Ordinal))
        {
            return Refused(ReleaseRefusalKind.WrongChannel, $"Release {version} is for channel '{document.Channel}'; this probe follows '{channel}'.", document);
        }

        if (highestAccepted is not null && version <= highestAccepted)
        {
            return Refused(ReleaseRefusalKind.NotNewer, $"Release {version} is not newer than {highestAccepted}, the highest version this probe has accepted.", document);
        }

        var file = document.Files.FirstOrDefault(f => string.Equals(f.Runtime, runtime, StringComparison.Ordinal));
        if (file is null)
        {
            return Refused(ReleaseRefusalKind.NoFileForRuntime,
                $"Release {version} has no file for runtime {runtime} (it has: {string.Join(", ", document.Files.Select(f => f.Runtime))}).", document);
        }

        return new ReleaseCheck { Document = document, File = file };
    }

    /// <summary>
    /// Whether a key rotation may replace the trusted keys: signed by one of them, of the key-list type, of a
    /// version above <paramref name="currentVersion"/>, listing one to <see cref="ReleaseKeyRing.MaxKeys"/> P-256
    /// keys, each under its own thumbprint.
    /// </summary>
    public static TrustedKeysCheck VerifyKeyRotation(ReadOnlyMemory<byte> envelope, IReadOnlyDictionary<string, ECDsa> trustedKeys, int currentVersion)
    {
        ArgumentNullException.ThrowIfNull(trustedKeys);
        if (!TryReadSigned(envelope, trustedKeys, TrustedKeysDocument.DocumentType, out var signed, out var refusal))
        {
            return new TrustedKeysCheck { Refusal = refusal };
        }

        TrustedKeysDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(signed.Span, ContractsJsonContext.Default.TrustedKeysDocument);
        }
        catch (JsonException e)
        {
            return new TrustedKeysCheck { Refusal = new(ReleaseRefusalKind.Malformed, $"The key rotation is not well-formed: {e.Message}") };
        }

        if (document is null)
        {
            return new TrustedKeysCheck { Refusal = new(ReleaseRefusalKind.Malformed, "The key rotation is null.") };
        }

        if (document.Version <= currentVersion)
        {
            return new TrustedKeysCheck { Refusal = new(ReleaseRefusalKind.NotNewer, $"Key rotation {document.Version} is not newer than {currentVersion}, the key list in use.") };
        }

        if (document.Keys.Count == 0)
        {
            return new TrustedKeysCheck { Refusal = new(ReleaseRefusalKind.BadKeyEntry, "/keys is empty: a rotation must name at least one key.") };
        }

        if (!ReleaseKeyRing.TryCreate(document, out var ring, out var problem))
        {
            return new TrustedKeysCheck { Refusal = new(ReleaseRefusalKind.BadKeyEntry, problem) };
        }

        ring.Dispose();
        return new TrustedKeysCheck { Document = document };
    }

    /// <summary>Size, envelope shape, one verifying signature by a trusted key, then the document's type, in that order.</summary>
    private static bool TryReadSigned(
        ReadOnlyMemory<byte> envelope, IReadOnlyDictionary<string, ECDsa> trustedKeys, string type, out ReadOnlyMemory<byte> signed, out ReleaseRefusal? refusal)
    {
        signed = default;
        if (envelope.Length > SignedEnvelope.MaxLength)
        {
            refusal = new(ReleaseRefusalKind.TooLarge, $"The signed document is {envelope.Length:N0} bytes; at most {SignedEnvelope.MaxLength:N0} are read.");
            return false;
        }

        if (!SignedEnvelope.TryParse(envelope, out var parsed, out var problem))
        {
            refusal = new(ReleaseRefusalKind.Malformed, problem);
            return false;
        }

        if (parsed.Signatures.Count == 0)
        {
            refusal = new(ReleaseRefusalKind.MissingSignature, "The document carries no signature.");
            return false;
        }

        var trustedButBad = parsed.Signatures.Where(s => trustedKeys.ContainsKey(s.KeyId)).ToList();
        if (!trustedButBad.Exists(s => EnvelopeSigning.Verify(parsed.Signed.Span, s, trustedKeys[s.KeyId])))
        {
            refusal = trustedButBad.Count > 0
                ? new(ReleaseRefusalKind.BadSignature, $"The signature by trusted key {trustedButBad[0].KeyId} does not verify over the signed document.")
                : new(ReleaseRefusalKind.UnknownKey,
                    $"No signature is by a trusted key (signed by {string.Join(", ", parsed.Signatures.Select(s => s.KeyId))}; trusted: {(trustedKeys.Count == 0 ? "none" : string.Join(", ", trustedKeys.Keys))}).");
            return false;
        }

        var found = TypeOf(parsed.Signed);
        if (!string.Equals(found, type, StringComparison.Ordinal))
        {
            refusal = found is null
                ? new(ReleaseRefusalKind.Malformed, "/signed/type is missing or not a string.")
                : new(ReleaseRefusalKind.WrongType, $"/signed/type is '{found}'; expected '{type}'.");
            return false;
        }

        signed = parsed.Signed;
        refusal = null;
        return true;
    }

    private static string? TypeOf(ReadOnlyMemory<byte> signed)
    {
        try
        {
            using var document = JsonDocument.Parse(signed);
            return document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ReleaseCheck Refused(ReleaseRefusalKind kind, string reason, ReleaseDocument? document = null) =>
        new() { Document = document, Refusal = new(kind, reason) };
}
