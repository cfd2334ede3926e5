using System.Globalization;

namespace MonitoramentoBKP.BenchmarkShared;

/// <summary>
/// Shared by both benchmark harnesses (tests/Benchmarks and tests/Collector.Benchmarks), compiled into each.
/// How busy the machine is while the harness does nothing: on two cores one other busy process (a build, a test
/// run) doubles wall times and skews CPU times, so the report says when that happened.
/// </summary>
public static class CpuActivity
{
    public const double BusyThreshold = 0.10;

    /// <summary>Share of all cores' time spent busy (not idle, not waiting for I/O) over the interval.</summary>
    public static double Sample(int milliseconds = 1000)
    {
        var before = Read();
        Thread.Sleep(milliseconds);
        var after = Read();
        var total = after.Total - before.Total;
        return total > 0 ? (total - (after.Idle - before.Idle)) / (double)total : 0;
    }

    public static string Text(double busy) => string.Create(CultureInfo.InvariantCulture, $"{busy * 100:F0}% of the CPU");

    private static (long Total, long Idle) Read()
    {
        var line = ReadStat().Split('\n')[0];
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        if (fields.Length < 5)
        {
            return (0, 0);
        }

        // user nice system idle iowait irq softirq steal; guest time is already counted in user.
        var total = fields.Take(8).Sum();
        return (total, fields[3] + fields[4]);
    }

    private static string ReadStat()
    {
        try
        {
            return File.ReadAllText("/proc/stat");
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
