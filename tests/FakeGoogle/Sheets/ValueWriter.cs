using System.Globalization;
using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeGoogle.Model;

namespace MonitoramentoBKP.FakeGoogle.Sheets;

/// <summary>Writes one ValueRange's values into a sheet from a start cell; shared by values.update, batchUpdate and append.</summary>
internal static class ValueWriter
{
    public sealed record Result(A1Range? UpdatedRange, int Rows, int Columns, int Cells)
    {
        public JsonObject ToJson(string spreadsheetId)
        {
            var json = new JsonObject { ["spreadsheetId"] = spreadsheetId };
            if (UpdatedRange is not null)
            {
                json["updatedRange"] = UpdatedRange.Format();
                json["updatedRows"] = Rows;
                json["updatedColumns"] = Columns;
                json["updatedCells"] = Cells;
            }
            return json;
        }
    }

    /// <summary>
    /// Google's valueInputOption is required for writes although the discovery document does not say so: it refuses
    /// a write without one, and the "unspecified" value as well.
    /// </summary>
    public static string RequireValueInputOption(string? value) => value switch
    {
        null => throw FakeApiError.InvalidArgument("'valueInputOption' is required but not specified", "value_input_option"),
        "INPUT_VALUE_OPTION_UNSPECIFIED" => throw FakeApiError.InvalidArgument($"Invalid valueInputOption: {value}", "value_input_option"),
        _ => value,
    };

    /// <param name="sheet">The sheet written to.</param>
    /// <param name="startRow">0-based row of the first value.</param>
    /// <param name="startColumn">0-based column of the first value.</param>
    /// <param name="valueRange">The canonical ValueRange (majorDimension, values).</param>
    /// <param name="valueInputOption">RAW or USER_ENTERED.</param>
    /// <param name="fieldPrefix">Where the ValueRange sits in the request, for error messages ("" or "data[2].").</param>
    /// <param name="within">The requested range the values must fit in; its open sides do not limit.</param>
    /// <param name="grow">Append grows the grid to fit; update refuses to write past it.</param>
    public static Result Write(SheetState sheet, int startRow, int startColumn, JsonObject valueRange, string valueInputOption, string fieldPrefix, A1Range within, bool grow)
    {
        var lines = valueRange.Array("values");
        var byColumns = valueRange.OptionalString("majorDimension") == "COLUMNS";
        var cells = new List<(int Row, int Column, object? Value)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i]!.AsArray();
            for (var j = 0; j < line.Count; j++)
            {
                var value = CellValues.FromInput(line[j], valueInputOption, $"{fieldPrefix}values[{i}][{j}]");
                cells.Add(byColumns ? (j, i, value) : (i, j, value));
            }
        }
        if (cells.Count == 0)
        {
            return new Result(null, 0, 0, 0);
        }
        if (within.EndRow == within.StartRow + 1 && within.EndColumn == within.StartColumn + 1)
        {
            // A single cell only anchors the values, which spread from it as far as they go.
            within = within with { EndRow = null, EndColumn = null };
        }
        var rows = cells.Max(c => c.Row) + 1;
        var columns = cells.Max(c => c.Column) + 1;
        if (within.EndRow is { } endRow && startRow + rows > endRow)
        {
            throw FakeApiError.InvalidArgument(string.Create(CultureInfo.InvariantCulture,
                $"Requested writing within range [{within.Format()}], but tried writing to row [{endRow + 1}]"));
        }
        if (within.EndColumn is { } endColumn && startColumn + columns > endColumn)
        {
            throw FakeApiError.InvalidArgument(
                $"Requested writing within range [{within.Format()}], but tried writing to column [{A1Range.ColumnName(endColumn)}]");
        }
        var written = new A1Range(sheet.Title, startRow, startRow + rows, startColumn, startColumn + columns);
        if (startRow + rows > sheet.RowCount || startColumn + columns > sheet.ColumnCount)
        {
            if (!grow)
            {
                throw SheetRange.ExceedsGrid(sheet, written);
            }
            sheet.GrowRowsTo(startRow + rows);
            sheet.ColumnCount = Math.Max(sheet.ColumnCount, startColumn + columns);
        }
        var count = 0;
        foreach (var (row, column, value) in cells)
        {
            switch (value)
            {
                case null:
                    // A JSON null leaves the cell as it is.
                    continue;
                case "":
                    sheet.Cells.Remove((startRow + row, startColumn + column));
                    break;
                default:
                    sheet.Cells[(startRow + row, startColumn + column)] = value;
                    break;
            }
            count++;
        }
        return new Result(written, rows, columns, count);
    }
}
