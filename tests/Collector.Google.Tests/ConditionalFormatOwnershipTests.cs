using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Google.Tests.Support;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.FakeGoogle;

namespace MonitoramentoBKP.Collector.Google.Tests;

/// <summary>sheets init replaces the product's own colour rules and nothing else: managers' rules on the same tabs stay.</summary>
public sealed class ConditionalFormatOwnershipTests
{
    private static JsonObject Colour(double red, double green, double blue) => new() { ["red"] = red, ["green"] = green, ["blue"] = blue };

    private static JsonObject Rule(int sheetId, int column, string type, string value, JsonObject format, int endColumn = -1) => new()
    {
        ["addConditionalFormatRule"] = new JsonObject
        {
            ["rule"] = new JsonObject
            {
                ["ranges"] = new JsonArray(new JsonObject { ["sheetId"] = sheetId, ["startRowIndex"] = 1, ["startColumnIndex"] = column, ["endColumnIndex"] = endColumn < 0 ? column + 1 : endColumn }),
                ["booleanRule"] = new JsonObject
                {
                    ["condition"] = new JsonObject { ["type"] = type, ["values"] = new JsonArray(new JsonObject { ["userEnteredValue"] = value }) },
                    ["format"] = format,
                },
            },
            ["index"] = 0,
        },
    };

    /// <summary>Four rules a manager might add to Status, each differing from the product's in one way.</summary>
    private static async Task<IReadOnlyList<string>> ManagersRulesAsync(GoogleRig rig)
    {
        var status = rig.Spreadsheet.Sheet("Status").SheetId;
        (int R, int G, int B) red = SheetPalette.Background(CellTone.Bad);
        await rig.Client.BatchUpdateAsync(
        [
            // Another condition: reasons that mention an empty folder, in yellow.
            Rule(status, 5, "TEXT_CONTAINS", "vazia", new JsonObject { ["backgroundColor"] = Colour(1, 1, 0.6) }),
            // The product's word and column, another colour.
            Rule(status, 3, "TEXT_EQ", "FALHOU", new JsonObject { ["backgroundColor"] = Colour(0.6, 0, 0) }),
            // The product's word and colour, bold as well.
            Rule(status, 3, "TEXT_EQ", "FALHOU", new JsonObject { ["backgroundColor"] = Colour(red.R / 255.0, red.G / 255.0, red.B / 255.0), ["textFormat"] = new JsonObject { ["bold"] = true } }),
            // The product's word and colour, on a column that is not coloured by the product (the branch's name).
            Rule(status, 1, "TEXT_EQ", "OK", new JsonObject { ["backgroundColor"] = Colour(0xB7 / 255.0, 0xE1 / 255.0, 0xCD / 255.0) }),
        ], idempotent: false, default);
        return [.. rig.Spreadsheet.Sheet("Status").ConditionalFormats.Take(4).Select(r => r.Json)];
    }

    /// <summary>The rules that look like the product's on the Status column: its words, each with its own colour and nothing else.</summary>
    private static IReadOnlyList<FakeConditionalFormatRule> Products(FakeSheet sheet, SheetLanguage language) =>
        [.. sheet.ConditionalFormats.Where(r => r.ConditionType == "TEXT_EQ" && r.Ranges.Single() is { StartColumnIndex: 3, EndColumnIndex: 4 }
            && SheetPalette.ToneOf(r.ConditionValues.Single(), language) is var tone && tone != CellTone.None
            && r.Format.Bold is null && SheetPalette.Background(tone) is var (red, green, blue)
            && r.BackgroundColor!.IsAbout(red / 255.0, green / 255.0, blue / 255.0, 0.001))];

    [Fact]
    public async Task A_managers_own_rules_on_the_status_tab_survive_two_sheets_inits_and_the_products_rules_are_not_duplicated()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        var products = Products(rig.Spreadsheet.Sheet("Status"), SheetLanguage.Portuguese).Select(r => r.Json).ToList();
        var managers = await ManagersRulesAsync(rig);

        Assert.Null((await rig.Dispatcher.InitAsync(default)).Problem);
        Assert.Null((await rig.Dispatcher.InitAsync(default)).Problem);

        var rules = rig.Spreadsheet.Sheet("Status").ConditionalFormats.Select(r => r.Json).ToList();
        Assert.Equal(SheetPalette.Words(SheetLanguage.Portuguese).Count, products.Count);
        Assert.Equal([.. products, .. managers], rules);
    }

    [Fact]
    public async Task After_the_language_changes_sheets_init_leaves_the_new_languages_rules_and_the_managers()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        var managers = await ManagersRulesAsync(rig);
        var english = new SheetDispatcher(rig.Writer, rig.Ledger, rig.State, rig.Registry, rig.State, new SheetOptions { Language = SheetLanguage.English }, rig.Time);

        Assert.Null((await english.InitAsync(default)).Problem);

        var status = rig.Spreadsheet.Sheet("Status");
        var products = Products(status, SheetLanguage.English);
        Assert.Equal(SheetPalette.Words(SheetLanguage.English).Select(w => w.Text), products.Select(r => r.ConditionValues.Single()));
        Assert.Equal([.. products.Select(r => r.Json), .. managers], status.ConditionalFormats.Select(r => r.Json));
        Assert.DoesNotContain(rig.Spreadsheet.Sheet("Histórico").ConditionalFormats, r => r.ConditionValues.Contains("PAUSADA"));
        Assert.Equal(SheetPalette.Words(SheetLanguage.English).Count, rig.Spreadsheet.Sheet("Alertas").ConditionalFormats.Count);
    }
}
