using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>The probe's own scan time against its wall time separates its scanning speed from process start-up and exit.</summary>
public static class ScanPhase
{
    public static IEnumerable<string> Note(Sample probe, long bytesHashed)
    {
        if (probe.Best is not { } best || ProbeTimings.Parse(best.StdErr).ScanSeconds is not { } scan || scan <= 0)
        {
            yield break;
        }

        var inv = CultureInfo.InvariantCulture;
        var rate = bytesHashed > 0 ? string.Create(inv, $" = {Units.Number(bytesHashed / 1e9 / scan)} GB/s") : "";
        var outside = best.Elapsed.TotalMilliseconds - (scan * 1000);
        yield return string.Create(inv, $"probe scan phase (--timings scanSeconds) {scan:F3} s{rate}; the other {outside:F0} ms of the best run's {best.Elapsed.TotalMilliseconds:F0} ms wall time are process start-up, configuration, cache save and exit");
    }
}
