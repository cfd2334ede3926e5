using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// A read-only, seekable stream over an open file that feeds every byte it reads in file order into a
/// SHA-256. An archive reader reads through it, so the archive test and the hash share one read of the file;
/// if the reader jumps around (a zip's central directory, a 7z header at the end), only the bytes that
/// continue the hashed prefix are hashed, and <see cref="FinishHash"/> reads whatever the reader skipped.
/// Memory is the one buffer it is given, whatever the file's size.
/// </summary>
public sealed class HashingReadStream(SafeFileHandle handle, long length, IncrementalHash hash, byte[] buffer, Action<int>? onRead = null) : Stream
{
    private long _position;
    private long _bufferStart;
    private int _bufferCount;
    private long _hashedUpTo;

    public long HashedUpTo => _hashedUpTo;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] destination, int offset, int count) => Read(destination.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        if (_position < _bufferStart || _position >= _bufferStart + _bufferCount)
        {
            Fill(_position);
            if (_bufferCount == 0)
            {
                return 0;
            }
        }

        var available = (int)(_bufferStart + _bufferCount - _position);
        var n = Math.Min(available, destination.Length);
        buffer.AsSpan((int)(_position - _bufferStart), n).CopyTo(destination);
        _position += n;
        return n;
    }

    /// <summary>Hashes the rest of the file that the reader did not read in order; returns the total bytes hashed.</summary>
    public long FinishHash()
    {
        while (true)
        {
            var n = RandomAccess.Read(handle, buffer, _hashedUpTo);
            if (n == 0)
            {
                return _hashedUpTo;
            }

            hash.AppendData(buffer, 0, n);
            _hashedUpTo += n;
            onRead?.Invoke(n);
            _bufferStart = _hashedUpTo - n;
            _bufferCount = n;
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] source, int offset, int count) => throw new NotSupportedException();

    private void Fill(long at)
    {
        _bufferStart = at;
        try
        {
            _bufferCount = RandomAccess.Read(handle, buffer, at);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileReadException(e);
        }

        var end = at + _bufferCount;
        if (at <= _hashedUpTo && _hashedUpTo < end)
        {
            var skip = (int)(_hashedUpTo - at);
            hash.AppendData(buffer, skip, _bufferCount - skip);
            onRead?.Invoke(_bufferCount - skip);
            _hashedUpTo = end;
        }
    }
}
