using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// Reads one file once: SHA-256 always, and for archives the self-test in the same pass. A file whose size
/// or time moves while it is read is reported as still being written rather than given a wrong hash.
/// </summary>
public sealed class FileHasher(IFileSystem fileSystem, ScanProgress progress)
{
    public HashOutcome Hash(FileCandidate file, HashWorker worker)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = fileSystem.OpenRead(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(file, Problems.From(e));
        }

        using (handle)
        {
            try
            {
                var before = fileSystem.Stamp(handle);
                var format = ArchiveTester.Detect(file.RelativePath);
                long hashed;
                var archive = ArchiveReport.NotAnArchive;
                if (format is { } f)
                {
                    var stream = new HashingReadStream(handle, before.Size, worker.Sha256, worker.Buffer, progress.AddBytes);
                    archive = ArchiveTester.Test(f, stream);
                    hashed = stream.FinishHash();
                }
                else
                {
                    hashed = HashPlain(handle, before.Size, worker);
                }

                var after = fileSystem.Stamp(handle);
                Span<byte> digest = stackalloc byte[32];
                worker.Sha256.GetHashAndReset(digest);
                if (after != before || hashed != after.Size)
                {
                    return new HashOutcome(null, ArchiveReport.NotTested, new ProblemReport
                    {
                        Code = ProblemCode.InProgress,
                        Detail = $"size {before.Size} -> {after.Size} while reading",
                    }, after.Size, after.LastWriteUtcTicks);
                }

                return new HashOutcome(Convert.ToHexStringLower(digest), archive, null, after.Size, after.LastWriteUtcTicks);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                worker.Sha256.GetHashAndReset(worker.Buffer.AsSpan(0, 32));
                return Failed(file, Problems.From(e is FileReadException { InnerException: { } inner } ? inner : e));
            }
        }
    }

    private long HashPlain(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long expected, HashWorker worker)
    {
        var buffer = worker.Buffer;
        long offset = 0;
        while (true)
        {
            var n = RandomAccess.Read(handle, buffer, offset);
            if (n == 0)
            {
                return offset;
            }

            worker.Sha256.AppendData(buffer, 0, n);
            offset += n;
            progress.AddBytes(n);

            // Small files end here without a second read that would only return 0; growth shows in the after-stamp.
            if (offset == expected && n < buffer.Length)
            {
                return offset;
            }
        }
    }

    private static HashOutcome Failed(FileCandidate file, ProblemReport problem) =>
        new(null, ArchiveReport.NotTested, problem, file.Size, file.LastWriteUtcTicks);
}
