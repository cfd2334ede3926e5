namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// What the manifest parser reads through: the decompressed JSON, counted (past the cap: too large), watched for
/// a single value longer than the parser should ever have to hold whole (a string or number of megabytes is a
/// bomb, not a manifest), and telling how far it has come (<paramref name="onRead"/>: a large manifest takes its share of
/// the <see cref="LargeManifestGate"/> as its bytes arrive).
/// Nothing is buffered here: memory follows the manifest's objects, never its decompressed bytes.
/// </summary>
public sealed class GuardedJsonStream(Stream source, IngestLimits limits, Func<long, CancellationToken, Task> onRead) : Stream
{
    private long _total;
    private bool _inString;
    private bool _escape;
    private long _valueBytes;

    public long BytesRead => _total;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _total += n;
        if (_total > limits.MaxManifestBytes)
        {
            throw new ManifestTooLargeException($"the manifest decompresses to more than {limits.MaxManifestBytes} bytes");
        }

        await onRead(_total, cancellationToken).ConfigureAwait(false);

        Scan(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

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
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Tracks the length of the string or bare value (number, literal) being read, across reads. The length is checked
    /// as soon as it grows, before a closing quote ends the value: the parser's reads double in size, so the last read
    /// of a long string usually holds its end too.
    /// </summary>
    private void Scan(ReadOnlySpan<byte> bytes)
    {
        var origin = _total - bytes.Length;
        var i = 0;
        while (i < bytes.Length)
        {
            if (_inString)
            {
                if (_escape)
                {
                    _escape = false;
                    i++;
                    Grow(1, origin + i);
                    continue;
                }

                var stop = bytes[i..].IndexOfAny((byte)'"', (byte)'\\');
                var run = stop < 0 ? bytes.Length - i : stop;
                i += run;
                Grow(run, origin + i);
                if (stop >= 0)
                {
                    if (bytes[i] == (byte)'\\')
                    {
                        _escape = true;
                        Grow(1, origin + i);
                    }
                    else
                    {
                        _inString = false;
                        _valueBytes = 0;
                    }

                    i++;
                }
            }
            else
            {
                switch (bytes[i])
                {
                    case (byte)'"':
                        _inString = true;
                        _valueBytes = 0;
                        break;
                    case (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)',' or (byte)':' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                        _valueBytes = 0;
                        break;
                    default:
                        Grow(1, origin + i);
                        break;
                }

                i++;
            }
        }
    }

    private void Grow(long by, long at)
    {
        _valueBytes += by;
        if (_valueBytes > limits.MaxValueBytes)
        {
            throw new ManifestTooLargeException($"the manifest holds a single value longer than {limits.MaxValueBytes} bytes (at byte {at})");
        }
    }
}
