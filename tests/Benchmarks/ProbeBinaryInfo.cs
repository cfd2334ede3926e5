using System.Buffers.Binary;
using System.Text;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>
/// Which build of the probe was measured: start-up time differs a lot between a single-file bundle (compressed
/// assemblies are unpacked into memory at every start) and a NativeAOT executable.
/// </summary>
public sealed record ProbeBinaryInfo(string Path, long SizeBytes, string Kind, string Version)
{
    /// <summary>The marker the .NET host looks for in a single-file executable (SHA-256 of ".net core bundle").</summary>
    private static ReadOnlySpan<byte> BundleSignature =>
    [
        0x8b, 0x12, 0x02, 0xb9, 0x6a, 0x61, 0x20, 0x38, 0x72, 0x7b, 0x93, 0x02, 0x14, 0xd7, 0xa0, 0x32,
        0x13, 0xf5, 0xb9, 0xe6, 0xef, 0xae, 0x33, 0x18, 0xee, 0x3b, 0x2d, 0xce, 0x24, 0xb3, 0x6a, 0xae,
    ];

    public static ProbeBinaryInfo Inspect(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return new ProbeBinaryInfo(path, bytes.Length, Describe(bytes), ToolRunner.FirstLine(path, "--version") ?? "?");
    }

    private static string Describe(byte[] bytes)
    {
        if (bytes.Length < 4 || !bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8))
        {
            return "not an ELF executable";
        }

        var marker = bytes.AsSpan().IndexOf(BundleSignature);
        if (marker >= 8)
        {
            var headerOffset = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(marker - 8));
            return headerOffset == 0
                ? "framework-dependent apphost (runs bkp-probe.dll beside it)"
                : "single-file bundle, self-contained, " + DescribeBundle(bytes, headerOffset);
        }

        string[] nativeAotMarkers = [".managedcode", "__managedcode", "RhpNewFast", "S_P_CoreLib_"];
        return nativeAotMarkers.Any(m => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(m)) >= 0)
            ? "NativeAOT executable"
            : "native ELF executable";
    }

    /// <summary>Reads the bundle manifest just far enough to count embedded and compressed files.</summary>
    private static string DescribeBundle(byte[] bytes, long headerOffset)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, (int)headerOffset, bytes.Length - (int)headerOffset));
            var major = reader.ReadUInt32();
            reader.ReadUInt32();
            var count = reader.ReadInt32();
            reader.ReadString();
            if (major >= 2)
            {
                reader.BaseStream.Seek(4 * sizeof(long) + sizeof(ulong), SeekOrigin.Current);
            }

            var compressed = 0;
            long compressedBytes = 0;
            long rawBytes = 0;
            for (var i = 0; i < count; i++)
            {
                reader.ReadInt64();
                var size = reader.ReadInt64();
                var packed = major >= 6 ? reader.ReadInt64() : 0;
                reader.ReadByte();
                reader.ReadString();
                rawBytes += size;
                if (packed > 0)
                {
                    compressed++;
                    compressedBytes += size;
                }
            }

            return compressed > 0
                ? $"{count} embedded files ({rawBytes / DataPlan.MiB} MiB), {compressed} compressed ({compressedBytes / DataPlan.MiB} MiB, decompressed in memory when loaded, every run)"
                : $"{count} embedded files ({rawBytes / DataPlan.MiB} MiB), uncompressed";
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException)
        {
            return "bundle manifest unreadable";
        }
    }
}
