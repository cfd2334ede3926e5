using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Releases;

/// <summary>
/// What the collector checks of an uploaded release before it offers it to anyone. It cannot check the signatures
/// (it holds no key, and trusting is the probe's job) but it refuses what no probe could take, so a mistake shows
/// at publication, not as 300 refusals: an envelope that is not one, a <c>signed</c> that is not a release document
/// (read strictly), a document that breaks <see cref="ReleaseRules"/> (the same rules the probe applies), another
/// version or channel than the route's, an expired document.
/// </summary>
public static class UploadCheck
{
    /// <summary>The release document of <paramref name="envelope"/>, or what is wrong with it (JSON-pointer style places, as <see cref="SignedEnvelope"/> names them).</summary>
    public static (ReleaseDocument? Document, string Problem) Check(ReadOnlyMemory<byte> envelope, string channel, string version, DateTime nowUtc)
    {
        if (!SignedEnvelope.TryParse(envelope, out var parsed, out var problem))
        {
            return (null, problem);
        }

        if (parsed.Signatures.Count == 0)
        {
            return (null, "/signatures is empty: an unsigned release is refused by every probe.");
        }

        ReleaseDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(parsed.Signed.Span, ContractsJsonContext.Default.ReleaseDocument);
        }
        catch (JsonException e)
        {
            return (null, $"/signed is not a release document{(e.Path is { Length: > 1 } p ? $" at {p}" : "")}: {e.Message}");
        }

        if (document is null)
        {
            return (null, "/signed is not a release document.");
        }

        var wrong = document.Type != ReleaseDocument.DocumentType ? $"/signed/type is '{document.Type}', not '{ReleaseDocument.DocumentType}'."
            : ReleaseRules.Problem(document) is { } broken ? broken.Reason
            : !string.Equals(document.Version, version, StringComparison.Ordinal) ? $"/signed/version is '{document.Version}', but the release is published as '{version}'."
            : !string.Equals(document.Channel, channel, StringComparison.Ordinal) ? $"/signed/channel is '{document.Channel}', but it was uploaded to and published on channel '{channel}'."
            : document.ExpiresUtc <= nowUtc ? $"/signed/expiresUtc ({document.ExpiresUtc:yyyy-MM-dd HH:mm}Z) has passed: probes refuse an expired release; sign it again."
            : null;
        return wrong is null ? (document, "") : (null, wrong);
    }

    /// <summary>SHA-256 of the envelope's bytes as stored, lowercase hex.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> envelope) => Convert.ToHexStringLower(SHA256.HashData(envelope));
}
