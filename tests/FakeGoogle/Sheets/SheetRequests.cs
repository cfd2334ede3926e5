using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeGoogle.Model;

namespace MonitoramentoBKP.FakeGoogle.Sheets;

/// <summary>batchUpdate requests that change sheets themselves: addSheet, deleteSheet, updateSheetProperties, appendDimension.</summary>
internal static class SheetRequests
{
    public static JsonObject AddSheet(BatchRequestContext context, JsonObject request)
    {
        var spreadsheet = context.Spreadsheet;
        var properties = request.OptionalObject("properties")?.DeepClone().AsObject() ?? [];
        if (properties.OptionalString("sheetType") is { } type && type != "GRID")
        {
            throw context.NotImplemented($"a sheet of type {type}");
        }
        var sheetId = properties.OptionalInt("sheetId") ?? NewSheetId(spreadsheet);
        if (sheetId < 0)
        {
            throw context.Fail($"sheetId {sheetId} is negative.");
        }
        if (spreadsheet.SheetById(sheetId) is not null)
        {
            throw context.Fail($"A sheet with the id {sheetId} already exists. Please choose another id.");
        }
        var title = properties.OptionalString("title") ?? NextTitle(spreadsheet);
        CheckTitle(context, title, except: null);
        var index = properties.OptionalInt("index") ?? spreadsheet.Sheets.Count;
        if (index < 0)
        {
            throw context.Fail($"index {index} is negative.");
        }
        var grid = properties.OptionalObject("gridProperties") ?? [];
        // An unset (or zero) size takes Google's default, 1000 rows by 26 columns.
        grid["rowCount"] = grid.OptionalInt("rowCount") is > 0 and var rows ? rows : SheetState.DefaultRowCount;
        grid["columnCount"] = grid.OptionalInt("columnCount") is > 0 and var columns ? columns : SheetState.DefaultColumnCount;
        properties["gridProperties"] = grid;
        properties["title"] = title;
        CheckGridProperties(context, grid);
        var sheet = new SheetState(sheetId, title, index);
        sheet.SetProperties(properties);
        spreadsheet.Sheets.Insert(Math.Min(index, spreadsheet.Sheets.Count), sheet);
        spreadsheet.Renumber();
        return new JsonObject { ["addSheet"] = new JsonObject { ["properties"] = sheet.PropertiesJson() } };
    }

    public static JsonObject DeleteSheet(BatchRequestContext context, JsonObject request)
    {
        var sheet = context.Sheet(request.Int("sheetId"));
        if (context.Spreadsheet.Sheets.Count == 1)
        {
            throw context.Fail("You can't remove all the sheets in a document.");
        }
        context.Spreadsheet.Sheets.Remove(sheet);
        context.Spreadsheet.Renumber();
        return [];
    }

    public static JsonObject UpdateSheetProperties(BatchRequestContext context, JsonObject request)
    {
        var given = request.OptionalObject("properties") ?? [];
        var mask = context.Mask(request.OptionalString("fields"), "SheetProperties");
        var sheet = context.Sheet(given.Int("sheetId"));
        if (mask.Covers("dataSourceSheetProperties"))
        {
            throw context.Fail("dataSourceSheetProperties is read-only.");
        }
        var properties = sheet.PropertiesJson();
        mask.Apply(given, properties);
        if (properties.Int("sheetId") != sheet.SheetId)
        {
            throw context.Fail("a sheet's sheetId cannot be changed.");
        }
        if (properties.OptionalString("sheetType") is { } type && type != "GRID")
        {
            throw context.NotImplemented($"changing a sheet to type {type}");
        }
        var title = properties.OptionalString("title") ?? string.Empty;
        CheckTitle(context, title, except: sheet);
        var grid = properties.OptionalObject("gridProperties") ?? [];
        CheckGridProperties(context, grid);

        // Rows added at the end take the format of the last row.
        sheet.GrowRowsTo(grid.Int("rowCount"));
        sheet.SetProperties(properties);
        if (mask.Covers("index"))
        {
            Move(context.Spreadsheet, sheet, properties.Int("index"));
        }
        return [];
    }

    public static JsonObject AppendDimension(BatchRequestContext context, JsonObject request)
    {
        var sheet = context.Sheet(request.Int("sheetId"));
        var length = request.Int("length");
        if (length <= 0)
        {
            throw context.Fail("length must be greater than zero.");
        }
        switch (request.OptionalString("dimension"))
        {
            case "ROWS":
                sheet.GrowRowsTo(sheet.RowCount + length);
                break;
            case "COLUMNS":
                sheet.ColumnCount += length;
                break;
            default:
                throw context.Fail("dimension must be ROWS or COLUMNS.");
        }
        return [];
    }

    /// <summary>Sheet titles are unique ignoring case, and never empty.</summary>
    private static void CheckTitle(BatchRequestContext context, string title, SheetState? except)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw context.Fail("a sheet's title cannot be empty.");
        }
        if (context.Spreadsheet.SheetByTitle(title) is { } existing && existing != except)
        {
            throw context.Fail($"A sheet with the name \"{title}\" already exists. Please enter another name.");
        }
    }

    private static void CheckGridProperties(BatchRequestContext context, JsonObject grid)
    {
        var rows = grid.Int("rowCount");
        var columns = grid.Int("columnCount");
        if (rows < 1 || columns < 1)
        {
            throw context.Fail("a sheet needs at least one row and one column.");
        }
        var frozenRows = grid.Int("frozenRowCount");
        var frozenColumns = grid.Int("frozenColumnCount");
        if (frozenRows < 0 || frozenRows >= rows)
        {
            throw context.Fail("You can't freeze all visible rows on the sheet.");
        }
        if (frozenColumns < 0 || frozenColumns >= columns)
        {
            throw context.Fail("You can't freeze all visible columns on the sheet.");
        }
    }

    /// <summary>Moves a sheet; as in Sheets, the index counts positions before the move.</summary>
    private static void Move(SpreadsheetState spreadsheet, SheetState sheet, int index)
    {
        var from = spreadsheet.Sheets.IndexOf(sheet);
        var to = Math.Clamp(index > from ? index - 1 : index, 0, spreadsheet.Sheets.Count - 1);
        spreadsheet.Sheets.RemoveAt(from);
        spreadsheet.Sheets.Insert(to, sheet);
        spreadsheet.Renumber();
    }

    private static int NewSheetId(SpreadsheetState spreadsheet)
    {
        while (true)
        {
            // Google gives new sheets large random ids; tests must not rely on them being small or sequential.
            var id = RandomNumberGenerator.GetInt32(1, int.MaxValue);
            if (spreadsheet.SheetById(id) is null)
            {
                return id;
            }
        }
    }

    private static string NextTitle(SpreadsheetState spreadsheet)
    {
        for (var n = spreadsheet.Sheets.Count + 1; ; n++)
        {
            var title = "Sheet" + n.ToString(CultureInfo.InvariantCulture);
            if (spreadsheet.SheetByTitle(title) is null)
            {
                return title;
            }
        }
    }
}
