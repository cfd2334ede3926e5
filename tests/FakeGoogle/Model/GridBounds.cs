using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Model;

/// <summary>A GridRange: 0-based, end-exclusive, null = unbounded on that side.</summary>
internal sealed record GridBounds(int SheetId, int? StartRow, int? EndRow, int? StartColumn, int? EndColumn)
{
    public static GridBounds From(JsonObject json) => new(
        json.Int("sheetId"),
        json.OptionalInt("startRowIndex"),
        json.OptionalInt("endRowIndex"),
        json.OptionalInt("startColumnIndex"),
        json.OptionalInt("endColumnIndex"));

    public bool Contains(int row, int column) =>
        row >= (StartRow ?? 0) && (EndRow is null || row < EndRow)
        && column >= (StartColumn ?? 0) && (EndColumn is null || column < EndColumn);

    /// <summary>
    /// This range after <paramref name="count"/> rows were inserted before <paramref name="row"/>: grown over them when
    /// it covers the row they take their format from (the one above, or the first when inserted at the top), moved
    /// down when it lies below that row, unchanged above it. Open sides stay open.
    /// </summary>
    public GridBounds AfterInsertingRows(int row, int count)
    {
        var source = Math.Max(row - 1, 0);
        var start = StartRow ?? 0;
        if (start <= source && (EndRow is null || EndRow > source))
        {
            return this with { EndRow = EndRow + count };
        }

        return start > source ? this with { StartRow = StartRow + count, EndRow = EndRow + count } : this;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["sheetId"] = SheetId };
        Add(json, "startRowIndex", StartRow);
        Add(json, "endRowIndex", EndRow);
        Add(json, "startColumnIndex", StartColumn);
        Add(json, "endColumnIndex", EndColumn);
        return json;
    }

    public FakeGridRange ToPublic() => new(SheetId, StartRow, EndRow, StartColumn, EndColumn);

    private static void Add(JsonObject json, string name, int? value)
    {
        if (value is not null)
        {
            json[name] = value.Value;
        }
    }
}
