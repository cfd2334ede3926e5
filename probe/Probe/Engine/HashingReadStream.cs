using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// A read-only, seekable stream over an open file that feeds every byte it reads in file order into a
/// SHA-256. An archive reader reads through it, so the archive test and the hash share one read of the file.
/// Reads at the hashing frontier fill the large main window (and are hashed); a reader's jumps elsewhere (a
/// zip's central directory, a 7z's end header) are served from a small side window without disturbing it,
/// and <see cref="FinishHash"/> reads whatever the reader left out. Memory is the given buffer plus 64 KiB,
/// whatever the file's size.
/// </summary>
public sealed class HashingReadStream(SafeFileHandle handle, long length, IncrementalHash hash, byte[] buffer, Action<int>? onRead = null) : Stream
{
    private const int SideWindowSize = 64 * 1024;

    private readonly byte[] _side = new byte[SideWindowSize];
    private long _position;
    private long _mainStart;
    private int _mainCount;
    private long _sideStart;
    private int _sideCount;
    private long _hashedUpTo;

    public long HashedUpTo => _hashedUpTo;

    /// <summary>Bytes actually read from the file, hashed or not: shows whether the archive test and the hash shared the read.</summary>
    public long BytesFetched { get; private set; }

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
        if (destination.IsEmpty || _position >= length)
        {
            return 0;
        }

        if (!Within(_mainStart, _mainCount) && !Within(_sideStart, _sideCount))
        {
            if (_position == _hashedUpTo)
            {
                FillMain();
            }
            else
            {
                FillSide();
            }
        }

        var (window, start, count) = Within(_mainStart, _mainCount) ? (buffer, _mainStart, _mainCount) : (_side, _sideStart, _sideCount);
        if (!Within(start, count))
        {
            return 0;
        }

        var n = (int)Math.Min(start + count - _position, destination.Length);
        window.AsSpan((int)(_position - start), n).CopyTo(destination);
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
                _mainCount = 0;
                return _hashedUpTo;
            }

            BytesFetched += n;
            hash.AppendData(buffer, 0, n);
            _hashedUpTo += n;
            onRead?.Invoke(n);
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

    private bool Within(long start, int count) => _position >= start && _position < start + count;

    private void FillMain()
    {
        _mainStart = _position;
        _mainCount = ReadAt(buffer, _position);
        if (_mainCount > 0)
        {
            hash.AppendData(buffer, 0, _mainCount);
            _hashedUpTo += _mainCount;
            onRead?.Invoke(_mainCount);
        }
    }

    private void FillSide()
    {
        _sideStart = _position;
        _sideCount = ReadAt(_side, _position);
    }

    private int ReadAt(byte[] window, long at)
    {
        try
        {
            var n = RandomAccess.Read(handle, window, at);
            BytesFetched += n;
            return n;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileReadException(e);
        }
    }
}
