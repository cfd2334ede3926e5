using System.IO.Compression;

namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// The decompressed content of a gzip body that must end exactly where its last member ends. GZipStream reports a
/// clean end of data when a body stops inside the 8-byte trailer that carries the CRC-32 and length (so the content
/// is never checked, and the archive would keep a file that gunzip calls truncated), and it ignores whatever follows
/// the last member. So a small gzip member of known content is read after the body: it decodes only when the body's
/// last member was whole, its CRC-32 matched, and nothing came after it. This stream hands on what comes before that
/// content and, at the end, throws <see cref="InvalidDataException"/> unless the content came.
/// </summary>
public sealed class CompleteGzipStream : Stream
{
    /// <summary>Bytes no UTF-8 JSON text ends with (0xFF is never UTF-8), so the body's own content cannot pass for them.</summary>
    private static readonly byte[] Marker = [0x00, 0xFF, 0x62, 0x6B, 0x70, 0x00, 0xFF, 0x65, 0x6E, 0x64, 0x00, 0xFF, 0x6D, 0x61, 0x72, 0x6B];

    private static readonly byte[] Sentinel = Gzip(Marker);

    private readonly GZipStream _gzip;
    private readonly byte[] _pending = new byte[81920];
    private int _start;
    private int _count;
    private bool _ended;

    public CompleteGzipStream(ReadOnlyMemory<byte> body) =>
        _gzip = new GZipStream(new Concatenated(body, Sentinel), CompressionMode.Decompress);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        // Only bytes known to come before the marker are handed on: keep more than its length in hand until the end.
        while (_count <= Marker.Length && !_ended)
        {
            _pending.AsSpan(_start, _count).CopyTo(_pending);
            _start = 0;
            int n;
            try
            {
                n = _gzip.Read(_pending.AsSpan(_count));
            }
            catch (InvalidDataException)
            {
                // zlib's own words ("unsupported compression method") would mislead: say what a person can check.
                throw new InvalidDataException("the gzip body is damaged, was cut short, or has bytes after its last member (its data, CRC-32 or length do not check)");
            }

            _ended = n == 0;
            _count += n;
        }

        if (_count <= Marker.Length)
        {
            if (!_pending.AsSpan(_start, _count).SequenceEqual(Marker))
            {
                throw new InvalidDataException("the gzip body ends inside its last member (it was cut short) or has bytes after it");
            }

            return 0;
        }

        var given = Math.Min(buffer.Length, _count - Marker.Length);
        _pending.AsSpan(_start, given).CopyTo(buffer);
        _start += given;
        _count -= given;
        return given;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>The body, then the sentinel member, without copying the body.</summary>
    private sealed class Concatenated(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => first.Length + second.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            var source = _position < first.Length ? first[(int)_position..] : second[(int)(_position - first.Length)..];
            var n = Math.Min(buffer.Length, source.Length);
            source.Span[..n].CopyTo(buffer);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
