using System.Globalization;
using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeGoogle.Model;

namespace MonitoramentoBKP.FakeGoogle.Sheets;

/// <summary>
/// batchUpdate requests that format: repeatCell, updateDimensionProperties, addConditionalFormatRule and
/// deleteConditionalFormatRule.
/// </summary>
internal static class FormatRequests
{
    // Conditional formatting can only apply bold, italic, strikethrough, underline, text and background colours.
    private static readonly HashSet<string> ConditionalCellFormat = ["backgroundColor", "backgroundColorStyle", "textFormat"];
    private static readonly HashSet<string> ConditionalTextFormat = ["bold", "italic", "strikethrough", "underline", "foregroundColor", "foregroundColorStyle"];

    public static JsonObject RepeatCell(BatchRequestContext context, JsonObject request)
    {
        var range = GridBounds.From(request.OptionalObject("range") ?? []);
        var sheet = context.CheckGrid(range);
        var mask = context.Mask(request.OptionalString("fields"), "CellData");
        var cell = request.OptionalObject("cell") ?? [];
        var unsupported = mask.IsEverything
            ? cell.Select(p => p.Key).Where(k => k is not ("userEnteredFormat" or "userEnteredValue")).ToList()
            : mask.Paths.Select(p => p[0]).Where(k => k is not ("userEnteredFormat" or "userEnteredValue")).Distinct().ToList();
        if (unsupported.Count > 0)
        {
            throw context.NotImplemented($"repeatCell of {string.Join(", ", unsupported)}");
        }
        if (mask.Covers("userEnteredFormat") || mask.Paths.Any(p => p[0] == "userEnteredFormat"))
        {
            sheet.Formats.Add(new RepeatCellFormat(range, mask, cell.DeepClone().AsObject()));
        }
        if (mask.Covers("userEnteredValue"))
        {
            SetValues(sheet, range, cell.OptionalObject("userEnteredValue"));
        }
        return [];
    }

    public static JsonObject UpdateDimensionProperties(BatchRequestContext context, JsonObject request)
    {
        if (request.OptionalObject("dataSourceSheetRange") is not null)
        {
            throw context.NotImplemented("dataSourceSheetRange");
        }
        var range = request.OptionalObject("range") ?? throw context.Fail("range is required.");
        var sheet = context.Sheet(range.Int("sheetId"));
        var dimension = range.OptionalString("dimension");
        if (dimension is not ("ROWS" or "COLUMNS"))
        {
            throw context.Fail("range.dimension must be ROWS or COLUMNS.");
        }
        var count = dimension == "ROWS" ? sheet.RowCount : sheet.ColumnCount;
        var start = range.Int("startIndex");
        var end = range.OptionalInt("endIndex") ?? count;
        if (start < 0 || start > end || end > count)
        {
            throw context.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Invalid dimensionRange: [{start}, {end}) of {dimension} on a sheet with {count} of them."));
        }
        var mask = context.Mask(request.OptionalString("fields"), "DimensionProperties");
        if (mask.IsEverything || mask.Paths.Any(p => p[0] != "pixelSize"))
        {
            throw context.NotImplemented($"updateDimensionProperties of fields \"{mask.Text}\" (only pixelSize is)");
        }
        var sizes = dimension == "ROWS" ? sheet.RowHeights : sheet.ColumnWidths;
        var pixelSize = request.OptionalObject("properties")?.OptionalInt("pixelSize");
        if (pixelSize < 0)
        {
            throw context.Fail("pixelSize cannot be negative.");
        }
        for (var i = start; i < end; i++)
        {
            if (pixelSize is null)
            {
                // A masked field left out resets to the default size.
                sizes.Remove(i);
            }
            else
            {
                sizes[i] = pixelSize.Value;
            }
        }
        return [];
    }

    public static JsonObject AddConditionalFormatRule(BatchRequestContext context, JsonObject request)
    {
        var rule = request.OptionalObject("rule") ?? throw context.Fail("rule is required.");
        var ranges = rule.Array("ranges").Select(r => GridBounds.From(r!.AsObject())).ToList();
        if (ranges.Count == 0)
        {
            throw context.Fail("a conditional format rule needs at least one range.");
        }
        if (ranges.Select(r => r.SheetId).Distinct().Count() > 1)
        {
            throw context.Fail("all the ranges of a conditional format rule must be on the same sheet.");
        }
        var sheet = ranges.Select(context.CheckGrid).First();
        var boolean = rule.OptionalObject("booleanRule");
        var gradient = rule.OptionalObject("gradientRule");
        if ((boolean is null) == (gradient is null))
        {
            throw context.Fail("a conditional format rule needs exactly one of booleanRule and gradientRule.");
        }
        if (boolean is not null)
        {
            CheckBooleanRule(context, boolean);
        }
        var index = request.Int("index");
        if (index < 0 || index > sheet.ConditionalFormats.Count)
        {
            throw context.Fail(string.Create(CultureInfo.InvariantCulture,
                $"index {index} is out of bounds: the sheet has {sheet.ConditionalFormats.Count} conditional format rules."));
        }
        sheet.ConditionalFormats.Insert(index, rule.DeepClone().AsObject());
        return [];
    }

    public static JsonObject DeleteConditionalFormatRule(BatchRequestContext context, JsonObject request)
    {
        var sheet = context.Sheet(request.Int("sheetId"));
        var index = request.Int("index");
        if (index < 0 || index >= sheet.ConditionalFormats.Count)
        {
            throw context.Fail(string.Create(CultureInfo.InvariantCulture, $"No conditional format on sheet: {sheet.SheetId} at index: {index}"));
        }
        var removed = sheet.ConditionalFormats[index];
        sheet.ConditionalFormats.RemoveAt(index);
        return new JsonObject { ["deleteConditionalFormatRule"] = new JsonObject { ["rule"] = removed.DeepClone() } };
    }

    private static void CheckBooleanRule(BatchRequestContext context, JsonObject boolean)
    {
        var condition = boolean.OptionalObject("condition") ?? throw context.Fail("a booleanRule needs a condition.");
        var type = condition.OptionalString("type") ?? "CONDITION_TYPE_UNSPECIFIED";
        var values = condition.Array("values");
        if (context.Conditions.ProblemInConditionalFormat(type, values) is { } problem)
        {
            throw context.Fail(problem);
        }
        foreach (var value in values.Select(v => v!.AsObject().OptionalString("userEnteredValue")))
        {
            if (type.StartsWith("NUMBER_", StringComparison.Ordinal) && value is not null && !value.StartsWith('=')
                && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw context.Fail($"Invalid ConditionValue.userEnteredValue for {type}: {value}");
            }
            if (type == "CUSTOM_FORMULA" && (value is null || !value.StartsWith('=')))
            {
                throw context.Fail($"a CUSTOM_FORMULA condition needs a formula starting with '=', got: {value}");
            }
        }
        var format = boolean.OptionalObject("format") ?? [];
        var refused = format.Select(p => p.Key).Where(k => !ConditionalCellFormat.Contains(k))
            .Concat((format.OptionalObject("textFormat") ?? []).Select(p => "textFormat." + p.Key).Where(k => !ConditionalTextFormat.Contains(k[11..])))
            .ToList();
        if (refused.Count > 0)
        {
            throw context.Fail($"conditional formatting can only set bold, italic, strikethrough, underline, text and background colours, not {string.Join(", ", refused)}.");
        }
    }

    private static void SetValues(SheetState sheet, GridBounds range, JsonObject? value)
    {
        object? stored = value switch
        {
            null => null,
            _ when value.OptionalString("stringValue") is { } text => text,
            _ when value.OptionalDouble("numberValue") is { } number => number,
            _ when value.OptionalBool("boolValue") is { } flag => flag,
            _ when value.OptionalString("formulaValue") is { } formula => formula,
            _ => null,
        };
        for (var row = range.StartRow ?? 0; row < (range.EndRow ?? sheet.RowCount); row++)
        {
            for (var column = range.StartColumn ?? 0; column < (range.EndColumn ?? sheet.ColumnCount); column++)
            {
                if (stored is null)
                {
                    sheet.Cells.Remove((row, column));
                }
                else
                {
                    sheet.Cells[(row, column)] = stored;
                }
            }
        }
    }
}
