using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// Copies a release file from the network to disk trusting nothing the server says about it: at most the declared
/// length plus one byte is ever read (a server sending endless data is stopped there), and the file is kept under
/// its name only when it has exactly the declared length and SHA-256. It is written to <c>name.part</c> and renamed
/// at the end, so a refused or interrupted download never leaves a file under the final name.
/// </summary>
public static class BoundedDownload
{
    private const int BufferSize = 81_920;

    /// <summary>Null when <paramref name="path"/> now holds exactly the declared bytes; otherwise the refusal, with nothing left at <paramref name="path"/>.</summary>
    public static async Task<ReleaseRefusal?> SaveAsync(Stream source, string path, long length, string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var partial = path + ".part";
        File.Delete(path);
        var kept = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                while (true)
                {
                    // One byte past the declared length is enough to know the file is too long; nothing further is read.
                    var wanted = (int)Math.Min(buffer.Length, length + 1 - total);
                    var read = await source.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                    if (total > length)
                    {
                        return new ReleaseRefusal(ReleaseRefusalKind.TooLong, $"The download went on past its declared {length:N0} bytes; reading stopped there.");
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                if (total < length)
                {
                    return new ReleaseRefusal(ReleaseRefusalKind.TooShort, $"The download ended after {total:N0} of its declared {length:N0} bytes.");
                }

                var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (!string.Equals(actual, sha256, StringComparison.Ordinal))
                {
                    return new ReleaseRefusal(ReleaseRefusalKind.WrongHash, $"The download's SHA-256 is {actual}; the release declares {sha256}.");
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: true);
            kept = true;
            return null;
        }
        finally
        {
            if (!kept)
            {
                File.Delete(partial);
            }
        }
    }
}
