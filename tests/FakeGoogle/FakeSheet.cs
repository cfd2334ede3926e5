using MonitoramentoBKP.FakeGoogle.Model;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>A snapshot of one sheet, taken when asked for: later requests do not change it.</summary>
public sealed class FakeSheet
{
    private readonly IReadOnlyList<RepeatCellFormat> formats;

    internal FakeSheet(SheetState sheet)
    {
        SheetId = sheet.SheetId;
        Title = sheet.Title;
        Index = sheet.Index;
        RowCount = sheet.RowCount;
        ColumnCount = sheet.ColumnCount;
        FrozenRowCount = sheet.FrozenRowCount;
        FrozenColumnCount = sheet.FrozenColumnCount;
        ColumnWidths = new Dictionary<int, int>(sheet.ColumnWidths);
        RowHeights = new Dictionary<int, int>(sheet.RowHeights);
        formats = [.. sheet.Formats];
        RepeatCells = [.. formats.Select(f => new FakeRepeatCell(f.Range.ToPublic(), f.Mask.Text, new FakeCellFormat(f.Cell.OptionalObject("userEnteredFormat") ?? [])))];
        ConditionalFormats = [.. sheet.ConditionalFormats.Select(r => new FakeConditionalFormatRule(r))];
        Values = Grid(sheet.Cells);
    }

    public int SheetId { get; }

    public string Title { get; }

    public int Index { get; }

    public int RowCount { get; }

    public int ColumnCount { get; }

    public int FrozenRowCount { get; }

    public int FrozenColumnCount { get; }

    /// <summary>Pixel widths set by updateDimensionProperties, by 0-based column index.</summary>
    public IReadOnlyDictionary<int, int> ColumnWidths { get; }

    /// <summary>Pixel heights set by updateDimensionProperties, by 0-based row index.</summary>
    public IReadOnlyDictionary<int, int> RowHeights { get; }

    /// <summary>Every repeatCell applied to this sheet, in order.</summary>
    public IReadOnlyList<FakeRepeatCell> RepeatCells { get; }

    public IReadOnlyList<FakeConditionalFormatRule> ConditionalFormats { get; }

    /// <summary>
    /// The values, row by row from A1: string, double or bool, null for an empty cell between values; each row ends at
    /// its last value and the grid at its last row with one, as values.get trims them.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<object?>> Values { get; }

    /// <summary>The effective user-entered format of one cell (0-based): every repeatCell that covers it, in order.</summary>
    public FakeCellFormat FormatAt(int row, int column)
    {
        var state = new SheetState(SheetId, Title, Index);
        state.Formats.AddRange(formats);
        return new FakeCellFormat(state.FormatAt(row, column));
    }

    /// <summary>The format of a cell named in A1 notation, e.g. "B2".</summary>
    public FakeCellFormat FormatAt(string cell)
    {
        var (row, column) = CellIndex(cell);
        return FormatAt(row, column);
    }

    /// <summary>The value of a cell named in A1 notation, e.g. "B2", or null when empty.</summary>
    public object? ValueAt(string cell)
    {
        var (row, column) = CellIndex(cell);
        return row < Values.Count && column < Values[row].Count ? Values[row][column] : null;
    }

    private static (int Row, int Column) CellIndex(string cell) =>
        A1Range.TryParse(cell, out var range) && range.SheetTitle is null && range.EndRow == range.StartRow + 1 && range.EndColumn == range.StartColumn + 1
            ? (range.StartRow!.Value, range.StartColumn!.Value)
            : throw new ArgumentException($"'{cell}' is not one cell in A1 notation.", nameof(cell));

    private static IReadOnlyList<IReadOnlyList<object?>> Grid(Dictionary<(int Row, int Column), object> cells)
    {
        if (cells.Count == 0)
        {
            return [];
        }
        var rows = new List<IReadOnlyList<object?>>();
        var lastRow = cells.Keys.Max(k => k.Row);
        var byRow = cells.GroupBy(c => c.Key.Row).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Key.Column, c => c.Value));
        for (var row = 0; row <= lastRow; row++)
        {
            if (!byRow.TryGetValue(row, out var columns))
            {
                rows.Add([]);
                continue;
            }
            var values = new object?[columns.Keys.Max() + 1];
            foreach (var (column, value) in columns)
            {
                values[column] = value;
            }
            rows.Add(values);
        }
        return rows;
    }
}
