using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.ReleaseTool.Releases;

/// <summary>
/// A key rotation as <c>bkp-release rotate</c> wrote it, read back before upload: at most
/// <see cref="SignedEnvelope.MaxLength"/> bytes, an envelope with at least one signature whose <c>signed</c> is a key
/// list (read strictly) of version 2 or higher naming 1 to <see cref="ReleaseKeyRing.MaxKeys"/> P-256 keys, each under
/// its own thumbprint. Whether the signature is by a key the probes trust only the probes can tell; this refuses what
/// no probe could take at all.
/// </summary>
public sealed record KeyListFile(string Path, byte[] Envelope, TrustedKeysDocument Document)
{
    public static async Task<KeyListFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        path = System.IO.Path.GetFullPath(path);
        byte[] envelope;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > SignedEnvelope.MaxLength)
            {
                throw ReleaseToolException.BadInput($"{path} is {length:N0} bytes; a key rotation is at most {SignedEnvelope.MaxLength:N0}.");
            }

            envelope = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ReleaseToolException.BadInput($"--file {path}: cannot read it (a key rotation written by 'bkp-release rotate'): {e.Message}");
        }

        var (document, problem) = Parse(envelope);
        return document is not null ? new KeyListFile(path, envelope, document) : throw ReleaseToolException.BadInput($"{path}: {problem}");
    }

    /// <summary>The key list an envelope holds, or what is wrong with it (places as JSON pointers).</summary>
    public static (TrustedKeysDocument? Document, string Problem) Parse(byte[] envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!SignedEnvelope.TryParse(envelope, out var parsed, out var problem))
        {
            return (null, problem);
        }

        if (parsed.Signatures.Count == 0)
        {
            return (null, "the document has no signature; probes would refuse it.");
        }

        // The type first, so a release document given by mistake is named as such, not as a field of the wrong kind.
        if (TypeOf(parsed.Signed) is var type && type != TrustedKeysDocument.DocumentType)
        {
            return (null, $"/signed/type is '{type}', not {TrustedKeysDocument.DocumentType}: this is not a key rotation.");
        }

        TrustedKeysDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(parsed.Signed.Span, ContractsJson.Context.TrustedKeysDocument);
        }
        catch (JsonException e)
        {
            return (null, $"/signed is not a key list{(e.Path is { Length: > 1 } p ? $" at {p}" : "")}: {e.Message}");
        }

        if (document is null)
        {
            return (null, "/signed is not a key list.");
        }

        if (document.Version < 2)
        {
            return (null, $"/signed/version is {document.Version}; version 1 is the keys built into the probe, a rotation is 2 or higher.");
        }

        if (document.Keys.Count == 0)
        {
            return (null, "/signed/keys is empty: a rotation names at least one key.");
        }

        if (!ReleaseKeyRing.TryCreate(document, out var ring, out problem))
        {
            return (null, $"/signed{problem}");
        }

        ring.Dispose();
        return (document, "");
    }

    private static string? TypeOf(ReadOnlyMemory<byte> signed)
    {
        using var json = JsonDocument.Parse(signed);
        return json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
    }
}
