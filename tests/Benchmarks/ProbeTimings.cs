using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>The key=value pairs of the probe's "timings:" lines on stderr (printed with --timings).</summary>
public sealed class ProbeTimings
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static ProbeTimings Parse(string stderr)
    {
        var timings = new ProbeTimings();
        foreach (var line in stderr.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("timings:", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var pair in line["timings:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    timings._values[pair[..eq]] = pair[(eq + 1)..];
                }
            }
        }

        return timings;
    }

    public long? Long(string key) =>
        _values.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public double? Double(string key) =>
        _values.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public long? ContentBytesRead => Long("contentBytesRead");
    public double? ScanSeconds => Double("scanSeconds");
    public double? FirstByteUnixMs => Double("firstByteUnixMs");
}
