using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.ReleaseTool.Signing;

namespace MonitoramentoBKP.ReleaseTool.Releases;

/// <summary>
/// A rotation of the release keys: a <see cref="TrustedKeysDocument"/> naming the keys probes trust from then on,
/// signed by a key they trust now. Probes take it only with a version higher than the one they hold (1 is the set
/// built into the probe), so an old rotation cannot be replayed.
/// </summary>
public static class KeyRotation
{
    /// <summary>More keys than anyone holds is a mistake, not a rotation.</summary>
    public const int MaxKeys = 8;

    /// <summary>The signed envelope bytes and the document; refuses a version below 2, a key that is not P-256 SPKI in base64, or one key given twice.</summary>
    public static async Task<(byte[] Envelope, TrustedKeysDocument Document, IReadOnlyList<EnvelopeSignature> Signatures)> CreateAsync(
        int version, IReadOnlyList<string> publicKeys, IReadOnlyList<IEnvelopeSigner> signers, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        ArgumentNullException.ThrowIfNull(time);
        if (version < 2)
        {
            throw ReleaseToolException.BadInput($"--version {version}: version 1 is the set of keys built into the probe; a rotation is 2 or higher, and higher than the last one published.");
        }

        if (publicKeys.Count is 0 or > MaxKeys)
        {
            throw ReleaseToolException.BadInput($"--key: a rotation names 1 to {MaxKeys} keys (two let the next rotation be signed by a key kept apart), as base64 SubjectPublicKeyInfo from 'bkp-release keygen'; {publicKeys.Count} given.");
        }

        var keys = new List<TrustedKey>();
        foreach (var text in publicKeys)
        {
            if (!PublicKeyInfo.TryImport(text, out var key, out var reason))
            {
                throw ReleaseToolException.BadInput($"--key {Shown(text)}: {reason}");
            }

            using (key)
            {
                var keyId = KeyId.Of(key);
                if (keys.Any(k => k.KeyId == keyId))
                {
                    throw ReleaseToolException.BadInput($"--key {Shown(text)}: key {keyId} is given twice.");
                }

                keys.Add(new TrustedKey { KeyId = keyId, PublicKey = PublicKeyInfo.Export(key) });
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var document = new TrustedKeysDocument
        {
            Type = TrustedKeysDocument.DocumentType,
            Version = version,
            PublishedUtc = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc),
            Keys = keys,
        };
        var signed = JsonSerializer.SerializeToUtf8Bytes(document, ContractsJson.Context.TrustedKeysDocument);
        var signatures = await EnvelopeSigners.SignAllAsync(signed, signers, cancellationToken).ConfigureAwait(false);
        return (SignedEnvelope.Write(signed, signatures), document, signatures);
    }

    private static string Shown(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..37]}...'";
}
