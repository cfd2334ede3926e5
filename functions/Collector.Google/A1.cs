using System.Globalization;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>A1 notation for ranges: quoted tab titles (accents and spaces are fine), letters for columns.</summary>
public static class A1
{
    public static string Column(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    public static string Tab(string title) => $"'{title.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>'Tab'!A{firstRow}:{lastColumn}{lastRow}, rows 1-based; an open end when <paramref name="lastRow"/> is null.</summary>
    public static string Range(string title, int firstRow, int columns, int? lastRow = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{Tab(title)}!A{firstRow}:{Column(columns - 1)}{lastRow}");
}
