using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Model;

/// <summary>One sheet (tab) of a spreadsheet, mutable; a batch works on a clone so that a failing request leaves nothing behind.</summary>
internal sealed class SheetState
{
    public const int DefaultRowCount = 1000;
    public const int DefaultColumnCount = 26;

    public SheetState(int sheetId, string title, int index, int rowCount = DefaultRowCount, int columnCount = DefaultColumnCount)
    {
        SheetId = sheetId;
        Title = title;
        Index = index;
        RowCount = rowCount;
        ColumnCount = columnCount;
    }

    public int SheetId { get; }

    public string Title { get; set; }

    public int Index { get; set; }

    public int RowCount { get; set; }

    public int ColumnCount { get; set; }

    public int FrozenRowCount { get; set; }

    public int FrozenColumnCount { get; set; }

    /// <summary>Sheet properties the fake stores and returns but does not act on (hidden, tabColor, rightToLeft, hideGridlines, ...).</summary>
    public JsonObject OtherProperties { get; private set; } = [];

    /// <summary>Non-empty cell values by (row, column), 0-based: string, double or bool.</summary>
    public Dictionary<(int Row, int Column), object> Cells { get; private set; } = [];

    public Dictionary<int, int> ColumnWidths { get; private set; } = [];

    public Dictionary<int, int> RowHeights { get; private set; } = [];

    public List<RepeatCellFormat> Formats { get; private set; } = [];

    /// <summary>Conditional format rules in priority order, canonical ConditionalFormatRule JSON.</summary>
    public List<JsonObject> ConditionalFormats { get; private set; } = [];

    public SheetState Clone() => new(SheetId, Title, Index, RowCount, ColumnCount)
    {
        FrozenRowCount = FrozenRowCount,
        FrozenColumnCount = FrozenColumnCount,
        OtherProperties = OtherProperties.DeepClone().AsObject(),
        Cells = new(Cells),
        ColumnWidths = new(ColumnWidths),
        RowHeights = new(RowHeights),
        // The records and rule JSON are never changed once stored, so the lists can share them.
        Formats = [.. Formats],
        ConditionalFormats = [.. ConditionalFormats],
    };

    /// <summary>SheetProperties as spreadsheets.get returns them; zero frozen counts are left out as Google leaves them out.</summary>
    public JsonObject PropertiesJson()
    {
        var grid = new JsonObject { ["rowCount"] = RowCount, ["columnCount"] = ColumnCount };
        if (FrozenRowCount > 0)
        {
            grid["frozenRowCount"] = FrozenRowCount;
        }
        if (FrozenColumnCount > 0)
        {
            grid["frozenColumnCount"] = FrozenColumnCount;
        }
        var json = new JsonObject
        {
            ["sheetId"] = SheetId,
            ["title"] = Title,
            ["index"] = Index,
            ["sheetType"] = "GRID",
            ["gridProperties"] = grid,
        };
        foreach (var (name, value) in OtherProperties)
        {
            if (name == "gridProperties")
            {
                foreach (var (gridName, gridValue) in value!.AsObject())
                {
                    grid[gridName] = gridValue?.DeepClone();
                }
            }
            else
            {
                json[name] = value?.DeepClone();
            }
        }
        return json;
    }

    /// <summary>Takes every property from <paramref name="json"/>; the caller has checked the values.</summary>
    public void SetProperties(JsonObject json)
    {
        Title = json.OptionalString("title") ?? Title;
        var grid = json.OptionalObject("gridProperties") ?? [];
        RowCount = grid.Int("rowCount");
        ColumnCount = grid.Int("columnCount");
        FrozenRowCount = grid.Int("frozenRowCount");
        FrozenColumnCount = grid.Int("frozenColumnCount");
        var other = json.DeepClone().AsObject();
        foreach (var handled in new[] { "sheetId", "title", "index", "sheetType", "dataSourceSheetProperties" })
        {
            other.Remove(handled);
        }
        var otherGrid = grid.DeepClone().AsObject();
        foreach (var handled in new[] { "rowCount", "columnCount", "frozenRowCount", "frozenColumnCount" })
        {
            otherGrid.Remove(handled);
        }
        other.Remove("gridProperties");
        if (otherGrid.Count > 0)
        {
            other["gridProperties"] = otherGrid;
        }
        OtherProperties = other;
        // A smaller grid loses what lay outside it, as in Sheets.
        Cells = Cells.Where(c => c.Key.Row < RowCount && c.Key.Column < ColumnCount).ToDictionary();
    }

    /// <summary>
    /// Inserts empty rows before <paramref name="row"/>, moving the values below down. As in Sheets, the new rows take
    /// the format of the row above them (of the row after them when inserted at the top): every format and
    /// conditional format range that covers that row grows over the new rows, and the ranges below move down with
    /// their rows. Rows added at the end of the grid (<paramref name="row"/> = <see cref="RowCount"/>) follow the
    /// same rule, so they take the format of the last row.
    /// </summary>
    public void InsertRows(int row, int count)
    {
        Cells = Cells.ToDictionary(c => c.Key.Row >= row ? (c.Key.Row + count, c.Key.Column) : c.Key, c => c.Value);
        Formats = [.. Formats.Select(f => f with { Range = f.Range.AfterInsertingRows(row, count) })];
        ConditionalFormats = [.. ConditionalFormats.Select(rule =>
        {
            var moved = rule.DeepClone().AsObject();
            moved["ranges"] = new JsonArray([.. rule.Array("ranges").Select(r => (JsonNode)GridBounds.From(r!.AsObject()).AfterInsertingRows(row, count).ToJson())]);
            return moved;
        })];
        RowCount += count;
    }

    /// <summary>Grows the grid to <paramref name="rowCount"/> rows (never shrinks it); the rows added take the format of the last row.</summary>
    public void GrowRowsTo(int rowCount)
    {
        if (rowCount > RowCount)
        {
            InsertRows(RowCount, rowCount - RowCount);
        }
    }

    /// <summary>The user-entered format of one cell: every repeatCell that covers it, folded in order.</summary>
    public JsonObject FormatAt(int row, int column)
    {
        var cell = new JsonObject();
        foreach (var format in Formats.Where(f => f.Range.Contains(row, column)))
        {
            format.Mask.Apply(format.Cell, cell);
        }
        return cell.OptionalObject("userEnteredFormat") ?? [];
    }
}
