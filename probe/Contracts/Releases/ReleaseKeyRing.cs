using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// The release signing keys a verifier trusts, by key id (RFC 7638 thumbprint), with the version of the key list they
/// came from (1 for keys built in or given by configuration, the rotation's version after a rotation). Built only from
/// keys that import as P-256 public keys, each under its own thumbprint, so a key list can never name one key and
/// hold another.
/// </summary>
public sealed class ReleaseKeyRing : IDisposable
{
    /// <summary>More keys than anyone rotates through is not a key list.</summary>
    public const int MaxKeys = 8;

    private readonly Dictionary<string, ECDsa> _keys;

    private ReleaseKeyRing(Dictionary<string, ECDsa> keys, int version)
    {
        _keys = keys;
        Version = version;
    }

    public IReadOnlyDictionary<string, ECDsa> Keys => _keys;

    public int Version { get; }

    public bool IsEmpty => _keys.Count == 0;

    /// <summary>The keys of a key document, each checked against its key id; <paramref name="problem"/> names the first bad entry (<c>/keys/1/publicKey</c>).</summary>
    public static bool TryCreate(TrustedKeysDocument document, [NotNullWhen(true)] out ReleaseKeyRing? ring, out string problem)
    {
        ArgumentNullException.ThrowIfNull(document);
        ring = null;
        if (document.Keys is null || document.Keys.Count > MaxKeys)
        {
            problem = $"/keys must list at most {MaxKeys} keys.";
            return false;
        }

        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        for (var i = 0; i < document.Keys.Count; i++)
        {
            var entry = document.Keys[i];
            if (entry is null)
            {
                Dispose(keys);
                problem = $"/keys/{i} must be a key, not null.";
                return false;
            }

            if (!TryAdd(keys, entry.PublicKey, $"/keys/{i}/publicKey", out var added, out problem))
            {
                Dispose(keys);
                return false;
            }

            if (!string.Equals(added, entry.KeyId, StringComparison.Ordinal))
            {
                Dispose(keys);
                problem = $"/keys/{i}/keyId is '{entry.KeyId}', but the thumbprint of its public key is '{added}'.";
                return false;
            }
        }

        ring = new ReleaseKeyRing(keys, document.Version);
        problem = "";
        return true;
    }

    /// <summary>Keys given as base64 SubjectPublicKeyInfo texts (probe.json <c>releaseKeys</c>), at version 1; <paramref name="problem"/> names the entry by <paramref name="at"/>[i].</summary>
    public static bool TryCreate(IReadOnlyList<string> publicKeys, string at, [NotNullWhen(true)] out ReleaseKeyRing? ring, out string problem)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        ring = null;
        if (publicKeys.Count > MaxKeys)
        {
            problem = $"{at} lists {publicKeys.Count} keys; at most {MaxKeys} are allowed.";
            return false;
        }

        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        for (var i = 0; i < publicKeys.Count; i++)
        {
            if (!TryAdd(keys, publicKeys[i], $"{at}[{i}]", out _, out problem))
            {
                Dispose(keys);
                return false;
            }
        }

        ring = new ReleaseKeyRing(keys, 1);
        problem = "";
        return true;
    }

    private static bool TryAdd(Dictionary<string, ECDsa> keys, string? publicKey, string at, out string keyId, out string problem)
    {
        keyId = "";
        if (!PublicKeyInfo.TryImport(publicKey, out var key, out var reason))
        {
            problem = $"{at}: {reason}";
            return false;
        }

        keyId = KeyId.Of(key);
        if (!keys.TryAdd(keyId, key))
        {
            key.Dispose();
            problem = $"{at}: the key {keyId} is listed twice.";
            return false;
        }

        problem = "";
        return true;
    }

    private static void Dispose(Dictionary<string, ECDsa> keys)
    {
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }
    }

    public void Dispose() => Dispose(_keys);
}
