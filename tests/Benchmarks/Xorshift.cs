using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>
/// xorshift64*: fills gigabytes in about a second, and the same seed gives the same bytes on every machine, so
/// generated data can be recognised and reused between runs. Its output does not compress, like real backups.
/// </summary>
public sealed class Xorshift(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public ulong Next()
    {
        var x = _state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        _state = x;
        return x * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>Uniform enough for file sizes; the modulo bias is far below anything a benchmark would notice.</summary>
    public long Between(long min, long max) => min + (long)(Next() % (ulong)(max - min + 1));

    public void Fill(Span<byte> buffer)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(buffer);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Next();
        }

        var tail = buffer[(words.Length * sizeof(ulong))..];
        if (tail.Length > 0)
        {
            Span<byte> last = stackalloc byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(last, Next());
            last[..tail.Length].CopyTo(tail);
        }
    }
}
