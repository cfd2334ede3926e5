using System.Globalization;

namespace MonitoramentoBKP.FakeGoogle.Model;

/// <summary>An A1 range resolved against a spreadsheet: the sheet it names (the first sheet when it names none) and its bounds.</summary>
internal sealed record SheetRange(SheetState Sheet, A1Range Bounds)
{
    public int StartRow => Bounds.StartRow ?? 0;

    public int StartColumn => Bounds.StartColumn ?? 0;

    /// <summary>Resolves a range or refuses it with Google's "Unable to parse range".</summary>
    public static SheetRange Resolve(SpreadsheetState spreadsheet, string text, string? field = null)
    {
        if (!A1Range.TryParse(text, out var parsed))
        {
            throw FakeApiError.InvalidArgument($"Unable to parse range: {text}", field);
        }
        var sheet = parsed.SheetTitle is null ? spreadsheet.Sheets[0] : spreadsheet.SheetByTitle(parsed.SheetTitle);
        if (sheet is null)
        {
            throw FakeApiError.InvalidArgument($"Unable to parse range: {text}", field);
        }
        return new SheetRange(sheet, parsed with { SheetTitle = sheet.Title });
    }

    /// <summary>Refuses a range that reaches past the sheet's rows or columns, as values.get, update and clear do.</summary>
    public void EnsureWithinGrid()
    {
        var b = Bounds;
        if (StartRow >= Sheet.RowCount || StartColumn >= Sheet.ColumnCount
            || (b.EndRow ?? 0) > Sheet.RowCount || (b.EndColumn ?? 0) > Sheet.ColumnCount)
        {
            throw ExceedsGrid(Sheet, b);
        }
    }

    public static FakeApiError ExceedsGrid(SheetState sheet, A1Range range) =>
        FakeApiError.InvalidArgument(string.Create(
            CultureInfo.InvariantCulture,
            $"Range ({range.Format(alwaysQuote: true)}) exceeds grid limits. Max rows: {sheet.RowCount}, max columns: {sheet.ColumnCount}"));

    /// <summary>The range with its open sides closed at the sheet's edges, as Google echoes it back.</summary>
    public A1Range Clipped() => new(
        Sheet.Title,
        StartRow,
        Math.Min(Bounds.EndRow ?? Sheet.RowCount, Sheet.RowCount),
        StartColumn,
        Math.Min(Bounds.EndColumn ?? Sheet.ColumnCount, Sheet.ColumnCount));

    public bool Contains(SheetRange other) =>
        other.Sheet.SheetId == Sheet.SheetId
        && other.StartRow >= StartRow && other.StartColumn >= StartColumn
        && (Bounds.EndRow is null || (other.Bounds.EndRow is { } otherEndRow && otherEndRow <= Bounds.EndRow))
        && (Bounds.EndColumn is null || (other.Bounds.EndColumn is { } otherEndColumn && otherEndColumn <= Bounds.EndColumn));

    public static string Format(SheetState sheet, int startRow, int endRow, int startColumn, int endColumn) =>
        new A1Range(sheet.Title, startRow, endRow, startColumn, endColumn).Format();
}
