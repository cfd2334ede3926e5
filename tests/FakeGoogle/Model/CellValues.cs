using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Model;

/// <summary>How a value sent in a ValueRange becomes a cell, and how a cell is rendered back.</summary>
internal static class CellValues
{
    /// <summary>
    /// The value to store: null when the input skips the cell (JSON null), an empty string when it clears it.
    /// RAW keeps strings as strings; USER_ENTERED reads numbers and TRUE/FALSE out of strings as typing would
    /// (dates, percentages and currencies stay strings in the fake). JSON numbers and booleans stay what they are.
    /// </summary>
    public static object? FromInput(JsonNode? node, string valueInputOption, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject:
                throw FakeApiError.InvalidArgument($"Invalid {path}: struct_value {node.ToJsonString()}", path);
            case JsonArray:
                throw FakeApiError.InvalidArgument($"Invalid {path}: list_value {node.ToJsonString()}", path);
        }
        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        var text = node.GetValue<string>();
        if (valueInputOption != "USER_ENTERED" || text.Length == 0)
        {
            return text;
        }
        if (text.StartsWith('\''))
        {
            return text[1..];
        }
        if (text.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || text.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
        {
            return text.Equals("TRUE", StringComparison.OrdinalIgnoreCase);
        }
        if (!text.StartsWith('=') && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        return text;
    }

    /// <summary>
    /// FORMATTED_VALUE gives every value as a string (numbers in the General format, ignoring any number format);
    /// UNFORMATTED_VALUE and FORMULA give numbers and booleans as JSON numbers and booleans. Formulas are not
    /// computed: the fake returns their text.
    /// </summary>
    public static JsonNode Render(object value, string valueRenderOption) => value switch
    {
        string text => JsonValue.Create(text),
        double number when valueRenderOption == "FORMATTED_VALUE" => JsonValue.Create(number.ToString("G15", CultureInfo.InvariantCulture)),
        double number => JsonValue.Create(number),
        bool flag when valueRenderOption == "FORMATTED_VALUE" => JsonValue.Create(flag ? "TRUE" : "FALSE"),
        bool flag => JsonValue.Create(flag),
        _ => throw new InvalidOperationException($"A cell holds a {value.GetType()}."),
    };

    /// <summary>A ValueRange of a clipped range, trimmed as Google trims: no trailing empty rows or cells, no values when empty.</summary>
    public static JsonObject ValueRange(SheetState sheet, A1Range clipped, string majorDimension, string valueRenderOption)
    {
        var rowsMajor = majorDimension != "COLUMNS";
        var (outerStart, outerEnd) = rowsMajor ? (clipped.StartRow!.Value, clipped.EndRow!.Value) : (clipped.StartColumn!.Value, clipped.EndColumn!.Value);
        var (innerStart, innerEnd) = rowsMajor ? (clipped.StartColumn!.Value, clipped.EndColumn!.Value) : (clipped.StartRow!.Value, clipped.EndRow!.Value);
        var lines = new List<JsonArray>();
        for (var outer = outerStart; outer < outerEnd; outer++)
        {
            var line = new List<JsonNode>();
            var lastFilled = -1;
            for (var inner = innerStart; inner < innerEnd; inner++)
            {
                var key = rowsMajor ? (outer, inner) : (inner, outer);
                if (sheet.Cells.TryGetValue(key, out var value))
                {
                    line.Add(Render(value, valueRenderOption));
                    lastFilled = line.Count - 1;
                }
                else
                {
                    line.Add(JsonValue.Create(string.Empty));
                }
            }
            lines.Add(new JsonArray([.. line.Take(lastFilled + 1)]));
        }
        while (lines.Count > 0 && lines[^1].Count == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        var json = new JsonObject
        {
            ["range"] = clipped.Format(),
            ["majorDimension"] = rowsMajor ? "ROWS" : "COLUMNS",
        };
        if (lines.Count > 0)
        {
            json["values"] = new JsonArray([.. lines]);
        }
        return json;
    }
}
