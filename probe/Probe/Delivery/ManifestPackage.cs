using System.IO.Compression;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Output;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// A manifest ready to send: its JSON gzip-compressed once, streamed into a file (a manifest of 100,000 files is
/// ~25 MB of JSON, never held in memory twice) that every attempt re-reads. Deleted when disposed; an on-disk
/// spool of undelivered runs would keep such files instead.
/// </summary>
public sealed class ManifestPackage : IDisposable
{
    private ManifestPackage(Guid runId, string branchId, string filePath, long length)
    {
        RunId = runId;
        BranchId = branchId;
        FilePath = filePath;
        Length = length;
    }

    public Guid RunId { get; }
    public string BranchId { get; }
    public string FilePath { get; }

    /// <summary>Compressed bytes: the Content-Length of every attempt.</summary>
    public long Length { get; }

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

            return new ManifestPackage(manifest.RunId, manifest.BranchId, path, new FileInfo(path).Length);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public Stream OpenRead() =>
        new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public void Dispose()
    {
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
