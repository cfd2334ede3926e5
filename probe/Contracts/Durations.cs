using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.Contracts;

/// <summary>Durations as people write them in configuration: "2h", "90m", "1h30m", "1d", "45s".</summary>
public static partial class Durations
{
    [GeneratedRegex(@"\A\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>
    /// Reads <paramref name="text"/>; null when it is a duration of at most <paramref name="max"/>, otherwise why not
    /// (<see cref="ValueProblemKind.NotDuration"/>, or <see cref="ValueProblemKind.DurationTooLong"/> for anything
    /// longer, however many digits it has: nothing overflows).
    /// </summary>
    public static ValueProblemKind? TryParse(string text, TimeSpan max, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text);
        if (!match.Success || !Enumerable.Range(1, 4).Any(g => match.Groups[g].Success))
        {
            return ValueProblemKind.NotDuration;
        }

        long[] secondsPer = [86_400, 3_600, 60, 1];
        var maxSeconds = (long)max.TotalSeconds;
        long total = 0;
        for (var g = 1; g <= 4; g++)
        {
            if (!match.Groups[g].Success)
            {
                continue;
            }

            // More digits than a long holds is too long by any measure; so is a part that alone passes the limit.
            if (!long.TryParse(match.Groups[g].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part > maxSeconds / secondsPer[g - 1])
            {
                return ValueProblemKind.DurationTooLong;
            }

            total += part * secondsPer[g - 1];
            if (total > maxSeconds)
            {
                return ValueProblemKind.DurationTooLong;
            }
        }

        duration = TimeSpan.FromSeconds(total);
        return null;
    }

    /// <summary>"3650 days", "12 hours", "90 minutes", "30 seconds": the largest whole unit.</summary>
    public static string Describe(TimeSpan duration) => duration switch
    {
        _ when duration.Ticks % TimeSpan.TicksPerDay == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalDays} days"),
        _ when duration.Ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalHours} hours"),
        _ when duration.Ticks % TimeSpan.TicksPerMinute == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMinutes} minutes"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalSeconds} seconds"),
    };
}
