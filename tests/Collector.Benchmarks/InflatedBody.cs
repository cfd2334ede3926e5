using System.IO.Compression;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// A request body written through gzip as it is generated, counting what it inflates to, so a body of 250 MiB
/// decompressed is never held whole by the harness either.
/// </summary>
public sealed class InflatedBody : IDisposable
{
    private readonly MemoryStream _output = new();
    private readonly GZipStream _gzip;

    public InflatedBody(CompressionLevel level) => _gzip = new GZipStream(_output, level, leaveOpen: true);

    /// <summary>Bytes written so far, before compression.</summary>
    public long Inflated { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _gzip.Write(bytes);
        Inflated += bytes.Length;
    }

    /// <summary>Writes <paramref name="bytes"/> over and over until the body has inflated to <paramref name="until"/> bytes.</summary>
    public void Repeat(ReadOnlySpan<byte> bytes, long until)
    {
        while (Inflated + bytes.Length <= until)
        {
            Write(bytes);
        }
    }

    /// <summary>The gzip body, complete: no more can be written after this.</summary>
    public byte[] Finish()
    {
        _gzip.Dispose();
        return _output.ToArray();
    }

    public void Dispose()
    {
        _gzip.Dispose();
        _output.Dispose();
    }
}
