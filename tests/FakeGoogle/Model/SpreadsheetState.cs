using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Model;

/// <summary>The whole of one spreadsheet: its properties and its sheets in index order.</summary>
internal sealed class SpreadsheetState(string id, string title)
{
    public string Id { get; } = id;

    public string Title { get; set; } = title;

    public string Locale { get; set; } = "en_US";

    public string TimeZone { get; set; } = "Etc/GMT";

    public List<SheetState> Sheets { get; private set; } = [];

    public SpreadsheetState Clone() => new(Id, Title)
    {
        Locale = Locale,
        TimeZone = TimeZone,
        Sheets = [.. Sheets.Select(s => s.Clone())],
    };

    public SheetState? SheetByTitle(string title) =>
        Sheets.FirstOrDefault(s => string.Equals(s.Title, title, StringComparison.OrdinalIgnoreCase));

    public SheetState? SheetById(int sheetId) => Sheets.FirstOrDefault(s => s.SheetId == sheetId);

    public void Renumber()
    {
        for (var i = 0; i < Sheets.Count; i++)
        {
            Sheets[i].Index = i;
        }
    }

    /// <summary>The Spreadsheet resource as spreadsheets.get returns it (without grid data).</summary>
    public JsonObject ToJson(Uri baseUri) => new()
    {
        ["spreadsheetId"] = Id,
        ["properties"] = new JsonObject
        {
            ["title"] = Title,
            ["locale"] = Locale,
            ["autoRecalc"] = "ON_CHANGE",
            ["timeZone"] = TimeZone,
        },
        ["sheets"] = new JsonArray([.. Sheets.Select(SheetJson)]),
        ["spreadsheetUrl"] = new Uri(baseUri, $"spreadsheets/d/{Id}/edit").ToString(),
    };

    private static JsonObject SheetJson(SheetState sheet)
    {
        var json = new JsonObject { ["properties"] = sheet.PropertiesJson() };
        if (sheet.ConditionalFormats.Count > 0)
        {
            json["conditionalFormats"] = new JsonArray([.. sheet.ConditionalFormats.Select(r => r.DeepClone())]);
        }
        return json;
    }
}
