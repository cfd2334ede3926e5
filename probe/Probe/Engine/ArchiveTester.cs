using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using MonitoramentoBKP.Contracts;
using SharpCompress.Archives;
using SharpCompress.Readers;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// Reads an archive through and checks what its format promises: every zip/7z entry's CRC-32 and size
/// (SharpCompress decodes, but does not compare them), the gzip trailer (CRC-32 and length, checked by
/// the runtime's zlib, plus the length against truncation), and every tar header checksum and the
/// end-of-archive marker. Decoding is the libraries'; only the comparisons are ours.
/// </summary>
public static class ArchiveTester
{
    private const int ScratchSize = 128 * 1024;

    public static ArchiveFormat? Detect(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        return name switch
        {
            _ when name.EndsWith(".zip", StringComparison.Ordinal) => ArchiveFormat.Zip,
            _ when name.EndsWith(".7z", StringComparison.Ordinal) => ArchiveFormat.SevenZip,
            _ when name.EndsWith(".tar", StringComparison.Ordinal) => ArchiveFormat.Tar,
            _ when name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal) => ArchiveFormat.TarGz,
            _ when name.EndsWith(".gz", StringComparison.Ordinal) => ArchiveFormat.Gzip,
            _ => null,
        };
    }

    public static string Name(ArchiveFormat format) => format switch
    {
        ArchiveFormat.Zip => "zip",
        ArchiveFormat.SevenZip => "7z",
        ArchiveFormat.Tar => "tar",
        ArchiveFormat.Gzip => "gzip",
        _ => "tar.gz",
    };

    /// <summary>Tests the archive read from <paramref name="stream"/> (seekable, positioned at 0).</summary>
    public static ArchiveReport Test(ArchiveFormat format, Stream stream)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(ScratchSize);
        try
        {
            var (entries, encrypted) = format switch
            {
                ArchiveFormat.Zip or ArchiveFormat.SevenZip => (TestWithSharpCompress(stream, scratch, out var enc), enc),
                ArchiveFormat.Tar => (TarVerifier.Verify(stream, scratch), false),
                ArchiveFormat.Gzip => (TestGzip(stream, scratch, tar: false), false),
                _ => (TestGzip(stream, scratch, tar: true), false),
            };
            return new ArchiveReport
            {
                Verdict = encrypted ? ArchiveVerdict.NotTested : ArchiveVerdict.Ok,
                Format = Name(format),
                Entries = entries,
                Reason = encrypted ? "encrypted entries cannot be tested without the password" : null,
            };
        }
        catch (Exception e) when (e is not (FileReadException or OutOfMemoryException or OperationCanceledException))
        {
            // A decoder that trips over damaged data may throw anything; only a failed read of the file itself is not a verdict.
            return new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = Name(format), Reason = e.Message };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static int TestWithSharpCompress(Stream stream, byte[] scratch, out bool encrypted)
    {
        encrypted = false;
        using var archive = ArchiveFactory.OpenArchive(stream, new ReaderOptions { LeaveStreamOpen = true });
        var count = 0;
        if (archive.Type == SharpCompress.Common.ArchiveType.SevenZip)
        {
            // Extracting in archive order reads the packed streams front to back and decodes a solid block once.
            using var reader = archive.ExtractAllEntries();
            while (reader.MoveToNextEntry())
            {
                if (!reader.Entry.IsDirectory)
                {
                    count++;
                    using var data = reader.OpenEntryStream();
                    encrypted |= CheckEntry(reader.Entry, data, scratch);
                }
            }

            return count;
        }

        // Zip: entries in central-directory order, which is the order they were written, so reads go front to back.
        foreach (var entry in archive.Entries)
        {
            if (!entry.IsDirectory)
            {
                count++;
                using var data = entry.IsEncrypted ? null : entry.OpenEntryStream();
                encrypted |= CheckEntry(entry, data, scratch);
            }
        }

        return count;
    }

    /// <summary>Decodes one entry, comparing its size and CRC-32 with what the archive stored; true if it was encrypted (not testable).</summary>
    private static bool CheckEntry(SharpCompress.Common.IEntry entry, Stream? data, byte[] scratch)
    {
        if (entry.IsEncrypted || data is null)
        {
            return true;
        }

        var crc = new Crc32();
        long size = 0;
        int n;
        while ((n = data.Read(scratch, 0, scratch.Length)) > 0)
        {
            crc.Append(scratch.AsSpan(0, n));
            size += n;
        }

        if (size != entry.Size)
        {
            throw new InvalidDataException($"{entry.Key}: {size} bytes decoded, the archive says {entry.Size}");
        }

        var actual = crc.GetCurrentHashAsUInt32();
        if (entry.Crc != 0 && actual != (uint)entry.Crc)
        {
            throw new InvalidDataException($"{entry.Key}: CRC-32 {actual:x8} does not match the stored {(uint)entry.Crc:x8}");
        }

        return false;
    }

    private static int TestGzip(Stream stream, byte[] scratch, bool tar)
    {
        long decoded;
        int entries;
        using (var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            var counting = new CountingStream(gzip);
            if (tar)
            {
                entries = TarVerifier.Verify(counting, scratch);
                while (counting.Read(scratch, 0, scratch.Length) > 0)
                {
                    // Drain padding after the end-of-archive marker so the gzip trailer is reached and checked.
                }
            }
            else
            {
                entries = 1;
                while (counting.Read(scratch, 0, scratch.Length) > 0)
                {
                }
            }

            decoded = counting.Count;
        }

        // zlib checks CRC and length when it reaches the trailer, but a file cut short simply ends early:
        // the trailer's length must be there and agree.
        if (stream.Length < 18)
        {
            throw new InvalidDataException("too short to be a gzip file");
        }

        Span<byte> trailer = stackalloc byte[4];
        stream.Seek(-4, SeekOrigin.End);
        stream.ReadExactly(trailer);
        var expected = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        if ((uint)decoded != expected)
        {
            throw new InvalidDataException($"truncated: {decoded} bytes decoded, the gzip trailer says {expected} (mod 2^32)");
        }

        return entries;
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            Count += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
