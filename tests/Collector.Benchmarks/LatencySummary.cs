namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Per-request latencies of a batch of requests: nearest-rank percentiles, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double MeanMs, double P50Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new LatencySummary(sorted.Length, sorted.Average(), Percentiles.Of(sorted, 0.5), Percentiles.Of(sorted, 0.99), sorted[^1]);
    }

    public string Text => Count == 0 ? "none" : $"p50 {Units.Ms(P50Ms)}, p99 {Units.Ms(P99Ms)}, max {Units.Ms(MaxMs)} (mean {Units.Ms(MeanMs)}, {Units.Count(Count)} requests)";
}
