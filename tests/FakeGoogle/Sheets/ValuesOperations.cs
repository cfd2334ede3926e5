using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeGoogle.Model;

namespace MonitoramentoBKP.FakeGoogle.Sheets;

/// <summary>spreadsheets.values.*: get, batchGet, update, batchUpdate, append, clear and batchClear on the in-memory grid.</summary>
internal static class ValuesOperations
{
    public static JsonObject Get(SheetsCall call) => call.Spreadsheet.Read(spreadsheet =>
        Read(spreadsheet, call.PathValues["range"], call, "range"));

    public static JsonObject BatchGet(SheetsCall call) => call.Spreadsheet.Read(spreadsheet =>
    {
        var json = new JsonObject { ["spreadsheetId"] = spreadsheet.Id };
        var ranges = call.QueryValues("ranges");
        if (ranges.Count > 0)
        {
            json["valueRanges"] = new JsonArray([.. ranges.Select(r => Read(spreadsheet, r, call, "ranges"))]);
        }
        return json;
    });

    public static JsonObject Update(SheetsCall call)
    {
        var input = ValueWriter.RequireValueInputOption(call.QueryValue("valueInputOption"));
        return call.Spreadsheet.Change(spreadsheet =>
        {
            var target = SheetRange.Resolve(spreadsheet, call.PathValues["range"], "range");
            target.EnsureWithinGrid();
            CheckOwnRange(spreadsheet, target, call.Body, "range");
            var result = ValueWriter.Write(target.Sheet, target.StartRow, target.StartColumn, call.Body, input, string.Empty, target.Bounds, grow: false);
            var json = result.ToJson(spreadsheet.Id);
            AddUpdatedData(json, target.Sheet, result, call.QueryValue("responseValueRenderOption"), call.QueryFlag("includeValuesInResponse"));
            return json;
        });
    }

    public static JsonObject BatchUpdate(SheetsCall call)
    {
        var input = ValueWriter.RequireValueInputOption(call.Body.OptionalString("valueInputOption"));
        var includeValues = call.Body.OptionalBool("includeValuesInResponse") ?? false;
        var render = call.Body.OptionalString("responseValueRenderOption");
        return call.Spreadsheet.Change(spreadsheet =>
        {
            var responses = new JsonArray();
            var data = call.Body.Array("data");
            int rows = 0, columns = 0, cells = 0;
            var sheets = new HashSet<int>();
            for (var i = 0; i < data.Count; i++)
            {
                var valueRange = data[i]!.AsObject();
                var field = $"data[{i}]";
                var text = valueRange.OptionalString("range")
                    ?? throw FakeApiError.InvalidArgument($"Invalid {field}: a ValueRange of values.batchUpdate needs a range.", field);
                var target = SheetRange.Resolve(spreadsheet, text, $"{field}.range");
                target.EnsureWithinGrid();
                var result = ValueWriter.Write(target.Sheet, target.StartRow, target.StartColumn, valueRange, input, $"{field}.", target.Bounds, grow: false);
                var json = result.ToJson(spreadsheet.Id);
                AddUpdatedData(json, target.Sheet, result, render, includeValues);
                responses.Add(json);
                rows += result.Rows;
                columns += result.Columns;
                cells += result.Cells;
                if (result.Cells > 0)
                {
                    sheets.Add(target.Sheet.SheetId);
                }
            }
            var response = new JsonObject { ["spreadsheetId"] = spreadsheet.Id };
            if (cells > 0)
            {
                response["totalUpdatedRows"] = rows;
                response["totalUpdatedColumns"] = columns;
                response["totalUpdatedCells"] = cells;
                response["totalUpdatedSheets"] = sheets.Count;
            }
            if (responses.Count > 0)
            {
                response["responses"] = responses;
            }
            return response;
        });
    }

    /// <summary>
    /// Finds the table in the range (from its first to its last row with a value in the range's columns) and writes
    /// on the rows after it, from the table's first column; with no table, at the range's start. The grid grows as
    /// needed; INSERT_ROWS first inserts the rows, moving what lies below.
    /// </summary>
    public static JsonObject Append(SheetsCall call)
    {
        var input = ValueWriter.RequireValueInputOption(call.QueryValue("valueInputOption"));
        var insertRows = call.QueryValue("insertDataOption") == "INSERT_ROWS";
        return call.Spreadsheet.Change(spreadsheet =>
        {
            var target = SheetRange.Resolve(spreadsheet, call.PathValues["range"], "range");
            target.EnsureWithinGrid();
            CheckOwnRange(spreadsheet, target, call.Body, "range");
            var sheet = target.Sheet;
            var search = target.Clipped();
            var table = sheet.Cells.Keys
                .Where(k => k.Row >= search.StartRow && k.Row < search.EndRow && k.Column >= search.StartColumn && k.Column < search.EndColumn)
                .ToList();
            var json = new JsonObject { ["spreadsheetId"] = spreadsheet.Id };
            int row = target.StartRow, column = target.StartColumn;
            if (table.Count > 0)
            {
                var (firstRow, lastRow) = (table.Min(k => k.Row), table.Max(k => k.Row));
                var (firstColumn, lastColumn) = (table.Min(k => k.Column), table.Max(k => k.Column));
                json["tableRange"] = SheetRange.Format(sheet, firstRow, lastRow + 1, firstColumn, lastColumn + 1);
                (row, column) = (lastRow + 1, firstColumn);
            }
            var lines = call.Body.Array("values");
            var height = call.Body.OptionalString("majorDimension") == "COLUMNS" ? lines.Select(l => l!.AsArray().Count).DefaultIfEmpty(0).Max() : lines.Count;
            if (insertRows && row < sheet.RowCount && height > 0)
            {
                sheet.InsertRows(row, height);
            }
            var result = ValueWriter.Write(sheet, row, column, call.Body, input, string.Empty, new A1Range(sheet.Title, null, null, null, null), grow: true);
            var updates = result.ToJson(spreadsheet.Id);
            AddUpdatedData(updates, sheet, result, call.QueryValue("responseValueRenderOption"), call.QueryFlag("includeValuesInResponse"));
            json["updates"] = updates;
            return json;
        });
    }

    public static JsonObject Clear(SheetsCall call) => call.Spreadsheet.Change(spreadsheet => new JsonObject
    {
        ["spreadsheetId"] = spreadsheet.Id,
        ["clearedRange"] = ClearRange(spreadsheet, call.PathValues["range"], "range"),
    });

    public static JsonObject BatchClear(SheetsCall call) => call.Spreadsheet.Change(spreadsheet =>
    {
        var ranges = call.Body.Array("ranges");
        var json = new JsonObject { ["spreadsheetId"] = spreadsheet.Id };
        if (ranges.Count > 0)
        {
            json["clearedRanges"] = new JsonArray([.. ranges.Select((r, i) => (JsonNode)ClearRange(spreadsheet, r!.GetValue<string>(), $"ranges[{i}]"))]);
        }
        return json;
    });

    private static JsonObject Read(SpreadsheetState spreadsheet, string text, SheetsCall call, string field)
    {
        var target = SheetRange.Resolve(spreadsheet, text, field);
        target.EnsureWithinGrid();
        var major = call.QueryValue("majorDimension") == "COLUMNS" ? "COLUMNS" : "ROWS";
        return CellValues.ValueRange(target.Sheet, target.Clipped(), major, call.QueryValue("valueRenderOption") ?? "FORMATTED_VALUE");
    }

    private static string ClearRange(SpreadsheetState spreadsheet, string text, string field)
    {
        var target = SheetRange.Resolve(spreadsheet, text, field);
        target.EnsureWithinGrid();
        var clipped = target.Clipped();
        foreach (var key in target.Sheet.Cells.Keys.Where(k => k.Row >= clipped.StartRow && k.Row < clipped.EndRow
            && k.Column >= clipped.StartColumn && k.Column < clipped.EndColumn).ToList())
        {
            target.Sheet.Cells.Remove(key);
        }
        return clipped.Format();
    }

    /// <summary>A ValueRange may name its own range; Google refuses one that does not lie inside the range of the URL.</summary>
    private static void CheckOwnRange(SpreadsheetState spreadsheet, SheetRange target, JsonObject body, string field)
    {
        if (body.OptionalString("range") is not { } text)
        {
            return;
        }
        var own = SheetRange.Resolve(spreadsheet, text, field);
        if (!target.Contains(own))
        {
            throw FakeApiError.InvalidArgument(
                $"Requested writing within range [{target.Bounds.Format()}], but the ValueRange's range [{own.Bounds.Format()}] lies outside it.", field);
        }
    }

    private static void AddUpdatedData(JsonObject json, SheetState sheet, ValueWriter.Result result, string? render, bool include)
    {
        if (include && result.UpdatedRange is not null)
        {
            json["updatedData"] = CellValues.ValueRange(sheet, result.UpdatedRange, "ROWS", render ?? "FORMATTED_VALUE");
        }
    }
}
