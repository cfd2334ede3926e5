using System.Globalization;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>Number formatting for the console, Markdown and JSON reports; always invariant, so reports diff cleanly between machines.</summary>
public static class Units
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Three significant digits: enough to compare, few enough to read.</summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude >= 1000 ? "N0" : magnitude >= 100 ? "F0" : magnitude >= 10 ? "F1" : magnitude >= 1 ? "F2" : "F3";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Ms(double milliseconds) => $"{Number(milliseconds)} ms";

    /// <summary>Decimal units (kB, MB), as the collector's own messages write sizes.</summary>
    public static string Bytes(double bytes) => bytes switch
    {
        >= 1e9 => $"{Number(bytes / 1e9)} GB",
        >= 1e6 => $"{Number(bytes / 1e6)} MB",
        >= 1e3 => $"{Number(bytes / 1e3)} kB",
        _ => $"{Number(bytes)} B",
    };

    public static string GiB(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " GiB";
}
