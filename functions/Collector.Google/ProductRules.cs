using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>
/// Tells the conditional format rules <see cref="SheetRequests.Format"/> adds from the ones managers add themselves,
/// by what they are: a TEXT_EQ on one of the sheet's status words or symbols (in either language, so the rules of an
/// earlier language are known too), a background of that word's colour and nothing else, over data rows (from row
/// 2) of the tab's coloured columns only. A manager's rule that differs in any of these is not the product's.
/// </summary>
internal static class ProductRules
{
    // Google keeps colour components as floats; the product sends them rounded to 4 places.
    private const double ColourTolerance = 0.002;

    private static readonly SheetLanguage[] Languages = [SheetLanguage.Portuguese, SheetLanguage.English];

    public static bool IsProducts(JsonObject rule, int sheetId, SheetTab tab)
    {
        if (rule["booleanRule"] is not JsonObject boolean || rule["gradientRule"] is not null)
        {
            return false;
        }

        var condition = boolean["condition"] as JsonObject;
        if (condition?["type"]?.ToString() != "TEXT_EQ" || condition["values"] is not JsonArray { Count: 1 } values
            || values[0]?["userEnteredValue"]?.ToString() is not { } word)
        {
            return false;
        }

        var tone = Languages.Select(l => SheetPalette.ToneOf(word, l)).FirstOrDefault(t => t != CellTone.None);
        if (tone == CellTone.None || boolean["format"] is not JsonObject format
            || format.Any(p => p.Key is not ("backgroundColor" or "backgroundColorStyle"))
            || (format["backgroundColor"] ?? format["backgroundColorStyle"]?["rgbColor"]) is not JsonObject colour
            || !IsColour(colour, SheetPalette.Background(tone)))
        {
            return false;
        }

        return rule["ranges"] is JsonArray { Count: > 0 } ranges && ranges.All(r => IsTonedDataRange(r as JsonObject, sheetId, tab));
    }

    private static bool IsTonedDataRange(JsonObject? range, int sheetId, SheetTab tab) =>
        range is not null
        && Int(range, "sheetId") is var id && (id ?? 0) == sheetId
        && Int(range, "startRowIndex") == 1
        && Int(range, "startColumnIndex") is { } start && Int(range, "endColumnIndex") is { } end
        && start >= 0 && start < end && end <= tab.Columns.Count
        && Enumerable.Range(start, end - start).All(i => tab.Columns[i].IsToned);

    private static bool IsColour(JsonObject colour, (byte R, byte G, byte B) expected) =>
        Near(colour, "red", expected.R) && Near(colour, "green", expected.G) && Near(colour, "blue", expected.B);

    // Google leaves a zero component out.
    private static bool Near(JsonObject colour, string name, byte expected) =>
        Math.Abs((colour[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0) - expected / 255.0) <= ColourTolerance;

    private static int? Int(JsonObject json, string name) => json[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
