using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.Collector.Registry;

/// <summary>Durations as ops write them in the registry: "2h", "90m", "1h30m", "1d".</summary>
public static partial class Duration
{
    [GeneratedRegex(@"^\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text);
        if (!match.Success || text.Trim().Length == 0)
        {
            return false;
        }

        long Part(int group) => match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        duration = TimeSpan.FromDays(Part(1)) + TimeSpan.FromHours(Part(2)) + TimeSpan.FromMinutes(Part(3)) + TimeSpan.FromSeconds(Part(4));
        return true;
    }
}
