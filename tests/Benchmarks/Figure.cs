namespace MonitoramentoBKP.Benchmarks;

/// <summary>One tool's result in a scenario; <paramref name="Value"/> is null when the tool is missing or failed (shown as n/a).</summary>
public sealed record Figure(string Tool, double? Value, string Unit, string Detail)
{
    public const string GBps = "GB/s";
    public const string FilesPerSecond = "files/s";

    /// <summary>Decimal gigabytes per second (10^9 B/s), the unit hashing tools are usually quoted in.</summary>
    public static Figure Throughput(string tool, Sample sample, long bytes) =>
        From(tool, sample, GBps, seconds => bytes / 1e9 / seconds);

    public static Figure Rate(string tool, Sample sample, long files) =>
        From(tool, sample, FilesPerSecond, seconds => files / seconds);

    public static Figure Missing(string tool, string unit, string reason) => new(tool, null, unit, reason);

    public string ValueText => Value is { } v ? $"{Units.Number(v)} {Unit}" : "n/a";

    private static Figure From(string tool, Sample sample, string unit, Func<double, double> compute) =>
        sample.Best is { } best
            ? new Figure(tool, compute(best.Elapsed.TotalSeconds), unit, $"best {Units.Seconds(best.Elapsed)} s of {sample.TimesText}")
            : new Figure(tool, null, unit, sample.Failure ?? "not run");
}
