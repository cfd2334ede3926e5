namespace MonitoramentoBKP.Benchmarks;

/// <summary>How much data this run uses; the large-file size may have been reduced to fit the disk.</summary>
public sealed record DataPlan(long LargeFileBytes, FileSetSpec SmallFiles, FileSetSpec Tree, IReadOnlyList<string> Notes)
{
    public const long GiB = 1024L * 1024 * 1024;
    public const long MiB = 1024L * 1024;

    public static DataPlan For(bool quick, long largeFileBytes, IReadOnlyList<string> notes) => new(
        largeFileBytes,
        new FileSetSpec("small", quick ? 2_000 : 10_000, 100, 1024, 64 * 1024, 0x5EED_0003),
        new FileSetSpec("tree", quick ? 10_000 : 100_000, quick ? 100 : 1_000, 0, 2 * 1024, 0x5EED_0004),
        notes);

    public static long DefaultLargeFileBytes(bool quick) => quick ? 256 * MiB : 4 * GiB;

    /// <summary>Two distinct large files: the second folder's first file is a hard link to the one-file scenario's file.</summary>
    public long LargeDiskBytes => 2 * LargeFileBytes;
}
