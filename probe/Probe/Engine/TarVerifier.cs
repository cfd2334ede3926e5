using System.Text;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// Walks a tar stream front to back checking what tar can be checked by: every 512-byte header's checksum,
/// that each entry's data is all there, and the zero-block end marker. Tar keeps no checksum of file data,
/// so a flipped byte inside a plain .tar member cannot be seen by anyone; inside .tar.gz the gzip CRC sees it.
/// </summary>
internal static class TarVerifier
{
    private const int Block = 512;

    public static int Verify(Stream stream, byte[] scratch)
    {
        var header = new byte[Block];
        var entries = 0;
        long offset = 0;
        while (true)
        {
            var read = stream.ReadAtLeast(header, Block, throwOnEndOfStream: false);
            if (read == 0)
            {
                throw new InvalidDataException(entries == 0 ? "empty file, not a tar archive" : "end-of-archive marker missing: the archive was cut short");
            }

            if (read < Block)
            {
                throw new InvalidDataException($"header at byte {offset} cut short: the archive was cut short");
            }

            if (Array.TrueForAll(header, b => b == 0))
            {
                return entries;
            }

            var stored = ParseOctal(header.AsSpan(148, 8));
            long sum = 0;
            for (var i = 0; i < Block; i++)
            {
                sum += i is >= 148 and < 156 ? (byte)' ' : header[i];
            }

            if (stored is null || stored != sum)
            {
                var name = Encoding.UTF8.GetString(header, 0, Math.Max(0, Array.IndexOf(header, (byte)0, 0, 100) is var z && z < 0 ? 100 : z));
                throw new InvalidDataException($"header checksum mismatch at byte {offset} ('{name}')");
            }

            var size = ParseSize(header.AsSpan(124, 12)) ?? throw new InvalidDataException($"header at byte {offset} has an unreadable size");
            var type = (char)header[156];
            var hasData = type is not ('1' or '2' or '3' or '4' or '5' or '6');
            if (type is '0' or '\0' or '7')
            {
                entries++;
            }

            var toSkip = hasData ? (size + Block - 1) / Block * Block : 0;
            offset += Block;
            while (toSkip > 0)
            {
                var n = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, toSkip));
                if (n == 0)
                {
                    throw new InvalidDataException($"entry at byte {offset - Block} cut short: {toSkip} bytes missing");
                }

                toSkip -= n;
                offset += n;
            }
        }
    }

    private static long? ParseOctal(ReadOnlySpan<byte> field)
    {
        long value = 0;
        var any = false;
        foreach (var b in field)
        {
            if (b is (byte)' ' or 0)
            {
                if (any)
                {
                    break;
                }

                continue;
            }

            if (b is < (byte)'0' or > (byte)'7')
            {
                return null;
            }

            value = (value * 8) + (b - '0');
            any = true;
        }

        return any ? value : 0;
    }

    private static long? ParseSize(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) != 0)
        {
            // GNU base-256 for sizes of 8 GiB and more.
            long value = field[0] & 0x7F;
            for (var i = 1; i < field.Length; i++)
            {
                value = (value << 8) | field[i];
            }

            return value;
        }

        return ParseOctal(field);
    }
}
