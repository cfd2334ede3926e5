using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.ReleaseTool.Releases;

/// <summary>
/// A release folder as <c>sign</c> wrote it, read back before upload: the envelope must parse, carry a signature,
/// be a release of the channel and version asked for, and every file it lists must be in the folder with the
/// declared length and SHA-256, so what goes to storage is exactly what was signed.
/// </summary>
public sealed record ReleaseFolder(string Directory, byte[] Envelope, ReleaseDocument Document)
{
    public string PathOf(ReleaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Path.Combine(Directory, file.Name);
    }

    public static async Task<ReleaseFolder> ReadAsync(string directory, string channel, string version, CancellationToken cancellationToken)
    {
        directory = Path.GetFullPath(directory);
        var envelopePath = Path.Combine(directory, ReleaseNames.DocumentName);
        byte[] envelope;
        try
        {
            var length = new FileInfo(envelopePath).Length;
            if (length > SignedEnvelope.MaxLength)
            {
                throw ReleaseToolException.BadInput($"{envelopePath} is {length:N0} bytes; a release document is at most {SignedEnvelope.MaxLength:N0}.");
            }

            envelope = await File.ReadAllBytesAsync(envelopePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ReleaseToolException.BadInput($"--dir {directory}: cannot read {ReleaseNames.DocumentName} (a folder written by 'bkp-release sign'): {e.Message}");
        }

        if (!SignedEnvelope.TryParse(envelope, out var parsed, out var problem))
        {
            throw ReleaseToolException.BadInput($"{envelopePath}: {problem}");
        }

        if (parsed.Signatures.Count == 0)
        {
            throw ReleaseToolException.BadInput($"{envelopePath}: the document has no signature; probes would refuse it.");
        }

        ReleaseDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(parsed.Signed.Span, ContractsJson.Context.ReleaseDocument);
        }
        catch (JsonException e)
        {
            throw ReleaseToolException.BadInput($"{envelopePath}: /signed is not a release document: {e.Message}");
        }

        if (document is null || document.Type != ReleaseDocument.DocumentType)
        {
            throw ReleaseToolException.BadInput($"{envelopePath}: /signed/type is '{document?.Type}', not {ReleaseDocument.DocumentType}.");
        }

        if (document.Channel != channel || document.Version != version)
        {
            throw ReleaseToolException.BadInput($"{envelopePath} is release {document.Version} of channel {document.Channel}, not {version} of {channel} as asked.");
        }

        if (document.Files.Count == 0)
        {
            throw ReleaseToolException.BadInput($"{envelopePath}: /signed/files is empty.");
        }

        var folder = new ReleaseFolder(directory, envelope, document);
        for (var i = 0; i < document.Files.Count; i++)
        {
            await folder.CheckAsync(document.Files[i], $"{envelopePath}: /signed/files/{i}", cancellationToken).ConfigureAwait(false);
        }

        return folder;
    }

    private async Task CheckAsync(ReleaseFile file, string where, CancellationToken cancellationToken)
    {
        if (!ReleaseNames.IsFileName(file.Name) || !ReleaseNames.Runtimes.Contains(file.Runtime, StringComparer.Ordinal))
        {
            throw ReleaseToolException.BadInput($"{where}: '{file.Name}' for '{file.Runtime}' is not a release file name and runtime this tool writes.");
        }

        var path = PathOf(file);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            if (stream.Length != file.Length)
            {
                throw ReleaseToolException.BadInput($"{where}: {path} is {stream.Length:N0} bytes, the document says {file.Length:N0}; the folder changed after it was signed.");
            }

            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            if (sha256 != file.Sha256)
            {
                throw ReleaseToolException.BadInput($"{where}: {path} has SHA-256 {sha256}, the document says {file.Sha256}; the folder changed after it was signed.");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ReleaseToolException.BadInput($"{where}: cannot read {path}: {e.Message}");
        }
    }
}
