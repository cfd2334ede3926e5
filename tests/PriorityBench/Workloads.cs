using System.Diagnostics;
using System.Security.Cryptography;

namespace MonitoramentoBKP.PriorityBench;

/// <summary>The shop's own work, timed: a CPU-bound one (SHA-256 of a buffer on each thread) and a disk-reading one (files read from the disk).</summary>
internal static class Workloads
{
    public static TimeSpan Cpu(int threads, int rounds)
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            var buffer = new byte[1 << 20];
            Random.Shared.NextBytes(buffer);
            var hash = new byte[32];
            for (var i = 0; i < rounds; i++)
            {
                SHA256.HashData(buffer, hash);
                buffer[0] ^= hash[0];
            }
        });
        return clock.Elapsed;
    }

    public static TimeSpan Disk(IReadOnlyList<string> files)
    {
        PageEviction.Evict(files);
        var buffer = new byte[1 << 20];
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            while (stream.Read(buffer) > 0)
            {
            }
        }

        return clock.Elapsed;
    }

    /// <summary>SHA-256 rounds of 1 MiB that take about <paramref name="target"/> alone on one thread.</summary>
    public static int Calibrate(TimeSpan target)
    {
        var probe = Cpu(1, 200);
        return Math.Max(200, (int)(200 * target.TotalSeconds / probe.TotalSeconds));
    }
}
