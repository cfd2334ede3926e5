using System.Globalization;

namespace MonitoramentoBKP.Collector.Localization;

/// <summary>Sizes, ages and times written the way each language writes them, for the messages managers read.</summary>
public static class Say
{
    private static readonly CultureInfo Pt = CultureInfo.GetCultureInfo("pt-BR");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public static Text Size(long bytes) => new(SizeIn(bytes, Pt), SizeIn(bytes, En));

    public static Text Age(TimeSpan age)
    {
        // Rounded, not cut: a clock 2 hours ahead measures 1 h 59 min 59 s by the time its request arrives.
        if (age.TotalMinutes < 59.5)
        {
            var m = Math.Max(1, (int)Math.Round(age.TotalMinutes));
            return new Text($"{m} min", $"{m} min");
        }

        if (age.TotalHours < 47.5)
        {
            var h = (int)Math.Round(age.TotalHours);
            return new Text(h == 1 ? "1 hora" : $"{h} horas", h == 1 ? "1 hour" : $"{h} hours");
        }

        var d = (int)Math.Min(Math.Round(age.TotalDays), int.MaxValue);
        return new Text($"{d} dias", $"{d} days");
    }

    /// <summary>A moment in the branch's own time zone: "30/11 22:00" / "Nov 30 22:00".</summary>
    public static Text LocalTime(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new Text(local.ToString("dd/MM HH:mm", Pt), local.ToString("MMM d HH:mm", En));
    }

    private static string SizeIn(long bytes, CultureInfo culture)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : $"{value.ToString("0.#", culture)} {units[unit]}";
    }
}
