using System.Globalization;

namespace MonitoramentoBKP.Contracts;

/// <summary>Parses sizes people write (probe.json, the branch registry): "1073741824", "500MB", "20 GB", "1.5TiB".</summary>
public static class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var s = text.Trim();
        var split = 0;
        while (split < s.Length && (char.IsAsciiDigit(s[split]) || s[split] == '.'))
        {
            split++;
        }

        if (split == 0 || !double.TryParse(s[..split], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        long multiplier = s[split..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "KB" => 1000,
            "MB" => 1000 * 1000,
            "GB" => 1000L * 1000 * 1000,
            "TB" => 1000L * 1000 * 1000 * 1000,
            "KIB" => 1L << 10,
            "MIB" => 1L << 20,
            "GIB" => 1L << 30,
            "TIB" => 1L << 40,
            _ => -1,
        };
        if (multiplier < 0 || number * multiplier > long.MaxValue)
        {
            return false;
        }

        bytes = (long)(number * multiplier);
        return true;
    }
}
