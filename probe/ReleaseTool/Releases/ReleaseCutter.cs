using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.ReleaseTool.Signing;

namespace MonitoramentoBKP.ReleaseTool.Releases;

/// <summary>
/// Cuts a release folder: copies each executable in under its release name while hashing the bytes it writes (so
/// the document describes exactly the copies that will be uploaded), builds the <see cref="ReleaseDocument"/>,
/// signs its serialized bytes with every key, and writes <c>release.json</c> last. A failure at any step leaves
/// no folder behind (or, for a folder that existed empty, leaves it empty).
/// </summary>
public static class ReleaseCutter
{
    public static async Task<CutRelease> CutAsync(ReleaseSpec spec, IReadOnlyList<IEnvelopeSigner> signers, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(time);
        var directory = Path.GetFullPath(spec.OutputDirectory);
        var created = PrepareDirectory(directory);
        var written = new List<string>();
        try
        {
            var files = new List<ReleaseFile>();
            foreach (var source in spec.Files)
            {
                var target = Path.Combine(directory, source.Name);
                written.Add(target);
                var (length, sha256) = await CopyAsync(source, target, cancellationToken).ConfigureAwait(false);
                files.Add(new ReleaseFile { Runtime = source.Runtime, Name = source.Name, Length = length, Sha256 = sha256 });
            }

            var now = time.GetUtcNow().UtcDateTime;
            var published = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            var document = new ReleaseDocument
            {
                Type = ReleaseDocument.DocumentType,
                Version = spec.Version,
                Channel = spec.Channel,
                PublishedUtc = published,
                ExpiresUtc = published + spec.ValidFor,
                Files = files,
            };
            var signed = JsonSerializer.SerializeToUtf8Bytes(document, ContractsJson.Context.ReleaseDocument);
            var signatures = await EnvelopeSigners.SignAllAsync(signed, signers, cancellationToken).ConfigureAwait(false);
            var envelope = SignedEnvelope.Write(signed, signatures);
            if (!SignedEnvelope.TryParse(envelope, out _, out var problem))
            {
                throw ReleaseToolException.BadInput($"The release document cannot be read back: {problem}");
            }

            var envelopePath = Path.Combine(directory, ReleaseNames.DocumentName);
            written.Add(envelopePath);
            await WriteNewAsync(envelopePath, envelope, cancellationToken).ConfigureAwait(false);
            return new CutRelease(document, signatures, envelopePath);
        }
        catch
        {
            CleanUp(directory, created, written);
            throw;
        }
    }

    /// <summary>Creates the folder, or takes an existing empty one; true when it was created here.</summary>
    private static bool PrepareDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                if (Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    throw ReleaseToolException.BadInput($"--out {directory} is not empty; a release folder is written once, into a new or empty folder.");
                }

                return false;
            }

            Directory.CreateDirectory(directory);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ReleaseToolException.BadInput($"--out {directory}: cannot create the release folder: {e.Message}");
        }
    }

    private static async Task<(long Length, string Sha256)> CopyAsync(ReleaseFileSource source, string target, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        try
        {
            await using var input = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > ReleaseNames.MaxFileLength)
                {
                    throw ReleaseToolException.BadInput($"--file {source.Runtime}={source.Path}: the file grew past {ReleaseNames.MaxFileLength:N0} bytes while it was copied.");
                }

                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ReleaseToolException.BadInput($"--file {source.Runtime}={source.Path}: cannot copy it to {target}: {e.Message}");
        }

        if (length == 0)
        {
            throw ReleaseToolException.BadInput($"--file {source.Runtime}={source.Path}: the file is empty; that is not a published bkp-probe.");
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task WriteNewAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await output.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ReleaseToolException.BadInput($"Cannot write {path}: {e.Message}");
        }
    }

    private static void CleanUp(string directory, bool created, List<string> written)
    {
        try
        {
            if (created)
            {
                Directory.Delete(directory, recursive: true);
                return;
            }

            foreach (var path in written)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // What is left is an incomplete folder without release.json, which upload refuses.
        }
    }
}
