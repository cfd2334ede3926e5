using System.Diagnostics;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>
/// Reads every file once before timing: the scenarios measure hashing and walking from memory, as on a
/// server whose backup was just written, not the speed of this machine's disk.
/// </summary>
public static class PageCache
{
    public static void Warm(IReadOnlyCollection<string> files, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var buffer = GC.AllocateUninitializedArray<byte>(DataGenerator.ChunkBytes);
        long bytes = 0;
        foreach (var file in files)
        {
            using var handle = File.OpenHandle(file);
            long offset = 0;
            int n;
            while ((n = RandomAccess.Read(handle, buffer, offset)) > 0)
            {
                offset += n;
            }

            bytes += offset;
        }

        log.WriteLine($"  warm: read {Units.Count(files.Count)} file{(files.Count == 1 ? "" : "s")}, {Units.GiBText(bytes)} in {Units.Seconds(clock.Elapsed)} s");
    }

    public static IReadOnlyCollection<string> FilesOf(DataLayout layout, FileSetSpec spec) =>
        Enumerable.Range(0, spec.Count).Select(i => Path.Combine(layout.Folder(spec), spec.RelativePath(i))).ToList();
}
