using System.Diagnostics;
using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>
/// Writes the seeded data sets, or recognises them from an earlier run (spec file written last, sizes checked),
/// so only the first run on a machine pays for generating gigabytes.
/// </summary>
public sealed class DataGenerator(DataLayout layout, ToolRunner runner, TextWriter log)
{
    public const int ChunkBytes = 1024 * 1024;

    private const ulong LargeSeedA = 0x5EED_0001;
    private const ulong LargeSeedB = 0x5EED_0002;

    public static string LargeSpecText(long bytes) => string.Create(CultureInfo.InvariantCulture, $"large v1 bytes={bytes} seeds={LargeSeedA:x},{LargeSeedB:x}");

    public static bool IsLargeReusable(DataLayout layout, long bytes) =>
        SpecMatches(layout.LargeSpec, LargeSpecText(bytes))
        && new[] { layout.LargeOneFile, layout.LargeTwoFirst, layout.LargeTwoSecond }.All(p => new FileInfo(p) is { Exists: true } f && f.Length == bytes)
        && Directory.GetFileSystemEntries(layout.LargeOneFolder).Length == 1
        && Directory.GetFileSystemEntries(layout.LargeTwoFolder).Length == 2;

    public static bool IsFileSetReusable(DataLayout layout, FileSetSpec spec)
    {
        if (!SpecMatches(layout.Spec(spec), spec.SpecText) || !Directory.Exists(layout.Folder(spec)))
        {
            return false;
        }

        long count = 0;
        long total = 0;
        foreach (var file in new DirectoryInfo(layout.Folder(spec)).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            count++;
            total += file.Length;
        }

        return count == spec.Count && total == spec.TotalBytes();
    }

    /// <summary>Returns true when anything was written (the caller then flushes it to disk before timing).</summary>
    public bool Ensure(DataPlan plan)
    {
        var wrote = EnsureLarge(plan.LargeFileBytes);
        wrote |= EnsureFileSet(plan.SmallFiles);
        wrote |= EnsureFileSet(plan.Tree);
        if (wrote)
        {
            // Dirty pages written back during a timed run would steal one of the two cores from the tool being timed.
            var sync = runner.Run(new ToolCommand("sync", "sync", []));
            log.WriteLine($"data: flushed to disk ({Units.Seconds(sync.Elapsed)} s)");
        }

        return wrote;
    }

    private bool EnsureLarge(long bytes)
    {
        if (IsLargeReusable(layout, bytes))
        {
            log.WriteLine($"data: reusing 2 large files of {Units.SizeText(bytes)} in {layout.DataRoot}");
            return false;
        }

        var clock = Stopwatch.StartNew();
        log.WriteLine($"data: generating 2 large files of {Units.SizeText(bytes)} ...");
        File.Delete(layout.LargeSpec);
        Recreate(layout.LargeOneFolder);
        Recreate(layout.LargeTwoFolder);
        Parallel.Invoke(
            () => WriteRandomFile(layout.LargeOneFile, bytes, LargeSeedA),
            () => WriteRandomFile(layout.LargeTwoSecond, bytes, LargeSeedB));

        // A hard link gives scenario 2 its second distinct file without a third copy on disk.
        var link = runner.Run(new ToolCommand("ln", "ln", [layout.LargeOneFile, layout.LargeTwoFirst]));
        if (!link.Succeeded)
        {
            log.WriteLine("data: hard link refused by this file system; writing a copy instead");
            WriteRandomFile(layout.LargeTwoFirst, bytes, LargeSeedA);
        }

        File.WriteAllText(layout.LargeSpec, LargeSpecText(bytes));
        log.WriteLine($"data: large files written in {Units.Seconds(clock.Elapsed)} s");
        return true;
    }

    private bool EnsureFileSet(FileSetSpec spec)
    {
        var folder = layout.Folder(spec);
        if (IsFileSetReusable(layout, spec))
        {
            log.WriteLine($"data: reusing {Units.Count(spec.Count)} {spec.Name} files in {folder}");
            return false;
        }

        var clock = Stopwatch.StartNew();
        log.WriteLine($"data: generating {Units.Count(spec.Count)} {spec.Name} files ({spec.MinBytes}-{spec.MaxBytes} bytes, {Units.Count(spec.Folders)} folders) ...");
        File.Delete(layout.Spec(spec));
        Recreate(folder);
        var content = new Xorshift(spec.ContentSeed);
        var buffer = new byte[spec.MaxBytes];
        var index = 0;
        foreach (var size in spec.Sizes())
        {
            var path = Path.Combine(folder, spec.RelativePath(index++));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var data = buffer.AsSpan(0, size);
            content.Fill(data);
            using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
            RandomAccess.Write(handle, data, 0);
        }

        File.WriteAllText(layout.Spec(spec), spec.SpecText);
        log.WriteLine($"data: {spec.Name} files written in {Units.Seconds(clock.Elapsed)} s");
        return true;
    }

    private static void WriteRandomFile(string path, long bytes, ulong seed)
    {
        var rng = new Xorshift(seed);
        var buffer = GC.AllocateUninitializedArray<byte>(ChunkBytes);
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            BufferSize = 0,
            PreallocationSize = bytes,
        });
        for (long written = 0; written < bytes;)
        {
            var n = (int)Math.Min(ChunkBytes, bytes - written);
            rng.Fill(buffer.AsSpan(0, n));
            stream.Write(buffer, 0, n);
            written += n;
        }
    }

    private static void Recreate(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    private static bool SpecMatches(string specPath, string expected) =>
        File.Exists(specPath) && File.ReadAllText(specPath) == expected;
}
