using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.FakeGoogle.Model;

/// <summary>
/// A range in A1 notation, parsed: an optional sheet title and 0-based, end-exclusive row and column bounds, each
/// null where the text leaves that side open ('Sheet' alone, A:A, 2:5, A2:AG).
/// </summary>
internal sealed partial record A1Range(string? SheetTitle, int? StartRow, int? EndRow, int? StartColumn, int? EndColumn)
{
    // Google Sheets has at most 18,278 columns (ZZZ), so a column is one to three letters.
    private const int MaxRows = 10_000_000;

    public static bool TryParse(string text, out A1Range range)
    {
        range = new A1Range(null, null, null, null, null);
        string? title;
        string? reference;
        if (text.StartsWith('\''))
        {
            if (!TryReadQuoted(text, out title, out var rest))
            {
                return false;
            }
            if (rest.Length == 0)
            {
                reference = null;
            }
            else if (rest[0] == '!')
            {
                reference = rest[1..];
            }
            else
            {
                return false;
            }
        }
        else
        {
            var bang = text.LastIndexOf('!');
            if (bang >= 0)
            {
                title = text[..bang];
                reference = text[(bang + 1)..];
            }
            else if (TryParseReference(text, out var bounds))
            {
                // No sheet named: the range is on the first sheet.
                range = bounds;
                return true;
            }
            else
            {
                title = text;
                reference = null;
            }
        }
        if (title.Length == 0)
        {
            return false;
        }
        if (reference is null)
        {
            range = new A1Range(title, null, null, null, null);
            return true;
        }
        if (!TryParseReference(reference, out var parsed))
        {
            return false;
        }
        range = parsed with { SheetTitle = title };
        return true;
    }

    public static string ColumnName(int index)
    {
        var name = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }
        return name.ToString();
    }

    /// <summary>Quotes a title in a range written back unless it is plain ASCII (letters, digits, _) and cannot be read as a cell.</summary>
    public static string QuoteIfNeeded(string title) =>
        PlainTitle().IsMatch(title) && !TryParseReference(title, out _) ? title : Quote(title);

    public static string Quote(string title) => $"'{title.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>The reference part (A1:C3, A:A, 2:5, A2:AG) with the open sides left open.</summary>
    public string Reference()
    {
        var start = Cell(StartColumn, StartRow);
        if (EndRow is null && EndColumn is null && StartRow is null && StartColumn is null)
        {
            return string.Empty;
        }
        var end = Cell(EndColumn is null ? null : EndColumn - 1, EndRow is null ? null : EndRow - 1);
        var singleCell = StartRow is not null && StartColumn is not null && EndRow == StartRow + 1 && EndColumn == StartColumn + 1;
        return singleCell ? start : $"{start}:{end}";
    }

    public string Format(bool alwaysQuote = false)
    {
        var title = SheetTitle is null ? string.Empty : alwaysQuote ? Quote(SheetTitle) : QuoteIfNeeded(SheetTitle);
        var reference = Reference();
        return reference.Length == 0 ? title : title.Length == 0 ? reference : $"{title}!{reference}";
    }

    private static string Cell(int? column, int? row) =>
        (column is null ? string.Empty : ColumnName(column.Value))
        + (row is null ? string.Empty : (row.Value + 1).ToString(CultureInfo.InvariantCulture));

    private static bool TryReadQuoted(string text, out string title, out string rest)
    {
        var builder = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                builder.Append('\'');
                i++;
            }
            else
            {
                title = builder.ToString();
                rest = text[(i + 1)..];
                return true;
            }
        }
        title = rest = string.Empty;
        return false;
    }

    private static bool TryParseReference(string text, out A1Range range)
    {
        range = new A1Range(null, null, null, null, null);
        var match = ReferencePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var startColumn = Column(match.Groups["c1"]);
        var startRow = Row(match.Groups["r1"]);
        var hasEnd = match.Groups["end"].Success;
        var endColumn = Column(match.Groups["c2"]);
        var endRow = Row(match.Groups["r2"]);
        if (startRow == -1 || endRow == -1)
        {
            return false;
        }
        if (!hasEnd)
        {
            // A lone cell needs both parts: "A" or "5" alone is not a range.
            if (startColumn is null || startRow is null)
            {
                return false;
            }
            range = new A1Range(null, startRow, startRow + 1, startColumn, startColumn + 1);
            return true;
        }
        var shape = (startColumn is not null, startRow is not null, endColumn is not null, endRow is not null);
        range = shape switch
        {
            (true, true, true, true) => new A1Range(null, Math.Min(startRow!.Value, endRow!.Value), Math.Max(startRow.Value, endRow.Value) + 1,
                Math.Min(startColumn!.Value, endColumn!.Value), Math.Max(startColumn.Value, endColumn.Value) + 1),
            (true, true, true, false) => new A1Range(null, startRow, null,
                Math.Min(startColumn!.Value, endColumn!.Value), Math.Max(startColumn.Value, endColumn.Value) + 1),
            (true, false, true, false) => new A1Range(null, null, null,
                Math.Min(startColumn!.Value, endColumn!.Value), Math.Max(startColumn.Value, endColumn.Value) + 1),
            (false, true, false, true) => new A1Range(null, Math.Min(startRow!.Value, endRow!.Value), Math.Max(startRow.Value, endRow.Value) + 1, null, null),
            _ => range,
        };
        return range.StartRow is not null || range.StartColumn is not null;
    }

    private static int? Column(Group group)
    {
        if (!group.Success)
        {
            return null;
        }
        var index = 0;
        foreach (var letter in group.Value.ToUpperInvariant())
        {
            index = (index * 26) + (letter - 'A' + 1);
        }
        return index - 1;
    }

    /// <summary>The 0-based row, null when absent, -1 when out of the sheet's possible rows (row 0 does not exist).</summary>
    private static int? Row(Group group)
    {
        if (!group.Success)
        {
            return null;
        }
        return int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row is >= 1 and <= MaxRows ? row - 1 : -1;
    }

    [GeneratedRegex("^(?<c1>[A-Za-z]{1,3})?(?<r1>[0-9]+)?(?<end>:(?<c2>[A-Za-z]{1,3})?(?<r2>[0-9]+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainTitle();
}
