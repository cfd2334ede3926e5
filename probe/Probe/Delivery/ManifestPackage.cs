using System.IO.Compression;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Output;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// A manifest ready to send: its JSON gzip-compressed once, streamed into a file (a manifest of 100,000 files is
/// ~25 MB of JSON, never held in memory twice) that every attempt re-reads. A package made by <see cref="Create"/>
/// is deleted when disposed; one over a <see cref="SpoolEntry"/> (<see cref="Of"/>) is the spool's to keep or delete.
/// </summary>
public sealed class ManifestPackage : IDisposable
{
    private readonly bool _owned;

    private ManifestPackage(Guid runId, string branchId, string filePath, long length, bool owned)
    {
        RunId = runId;
        BranchId = branchId;
        FilePath = filePath;
        Length = length;
        _owned = owned;
    }

    public Guid RunId { get; }
    public string BranchId { get; }
    public string FilePath { get; }

    /// <summary>Compressed bytes: the Content-Length of every attempt.</summary>
    public long Length { get; }

    /// <summary>The RFC 9530 Content-Digest of the bytes sent, computed once from the file.</summary>
    public string ContentDigest
    {
        get
        {
            if (_digest is null)
            {
                using var file = OpenRead();
                _digest = $"{Contracts.Signing.ContentDigest.Algorithm}=:{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(file))}:";
            }

            return _digest;
        }
    }

    private string? _digest;

    public static ManifestPackage Create(Manifest manifest, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"outgoing-{manifest.RunId:N}.json.gz");
        try
        {
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            {
                ManifestWriter.Write(manifest, gzip);
            }

            return new ManifestPackage(manifest.RunId, manifest.BranchId, path, new FileInfo(path).Length, owned: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>A spooled manifest as a package; disposing it leaves the file alone.</summary>
    public static ManifestPackage Of(SpoolEntry entry) => new(entry.RunId, entry.BranchId, entry.Path, entry.Length, owned: false);

    public Stream OpenRead() =>
        new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public void Dispose()
    {
        if (!_owned)
        {
            return;
        }

        try
        {
            File.Delete(FilePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover file in the state folder is harmless: nothing reads it, and it must not turn a delivery into a failure.
        }
    }
}
