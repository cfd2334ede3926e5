namespace MonitoramentoBKP.Functions;

/// <summary>A request body read through a cap: past <c>max</c> bytes it throws <see cref="InvalidDataException"/>, which the trigger answers with a 400.</summary>
internal sealed class CappedBody(Stream source, long max) : Stream
{
    private long _read;

    /// <summary>The body as text, or null when it is longer than <paramref name="max"/> bytes.</summary>
    public static async Task<string?> ReadTextAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(new CappedBody(body, max));
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The 413 for a body over its cap.</summary>
    public static Microsoft.AspNetCore.Mvc.ObjectResult TooLarge(long max) =>
        Problems.Of(413, "https://monitoramentobkp.example/problems/too-large", "Body too large", $"The request body is longer than {max} bytes.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Count(source.Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int n)
    {
        _read += n;
        return _read > max ? throw new InvalidDataException($"the body is longer than {max} bytes") : n;
    }
}
