using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>Number formatting shared by the console, Markdown and JSON reports; always invariant, so reports diff cleanly between machines.</summary>
public static class Units
{
    public static string GiBText(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)DataPlan.GiB:F1} GiB");

    /// <summary>256 MiB, 2 GiB, 4 GiB: the sizes the scenario titles use.</summary>
    public static string SizeText(long bytes) => bytes >= DataPlan.GiB && bytes % DataPlan.GiB == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / DataPlan.GiB} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)DataPlan.MiB:0.#} MiB");

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Three significant digits: enough to compare tools, few enough to read.</summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude >= 1000 ? "N0" : magnitude >= 100 ? "F0" : magnitude >= 10 ? "F1" : magnitude >= 1 ? "F2" : "F3";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
}
