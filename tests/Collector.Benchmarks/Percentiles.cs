namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Nearest-rank percentiles: every reported figure is a value that was actually observed.</summary>
public static class Percentiles
{
    /// <summary>The value at quantile <paramref name="q"/> (0.5, 0.99) of values sorted ascending.</summary>
    public static double Of(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
