using MonitoramentoBKP.FakeGoogle.Discovery;
using MonitoramentoBKP.FakeGoogle.Model;

namespace MonitoramentoBKP.FakeGoogle.Sheets;

/// <summary>One request of a spreadsheets.batchUpdate being applied: the spreadsheet copy it changes and where it sits ("requests[2].repeatCell").</summary>
internal sealed record BatchRequestContext(SpreadsheetState Spreadsheet, DiscoveryDocument Discovery, ConditionTypes Conditions, string Where)
{
    /// <summary>Google's refusal of one request: "Invalid requests[i].kind: why".</summary>
    public FakeApiError Fail(string why) => FakeApiError.InvalidArgument($"Invalid {Where}: {why}", Where);

    public FakeApiError NotImplemented(string what) => FakeApiError.NotImplemented($"{Where}: {what}");

    public SheetState Sheet(int sheetId) => Spreadsheet.SheetById(sheetId) ?? throw Fail($"No grid with id: {sheetId}");

    public FieldMask Mask(string? fields, string schemaId)
    {
        try
        {
            return FieldMask.Parse(fields, Discovery, schemaId);
        }
        catch (FormatException e)
        {
            throw Fail(e.Message);
        }
    }

    /// <summary>Refuses a GridRange with negative or reversed bounds, or one that reaches past the sheet's grid.</summary>
    public SheetState CheckGrid(GridBounds range)
    {
        var sheet = Sheet(range.SheetId);
        if (range.StartRow < 0 || range.EndRow < 0 || range.StartColumn < 0 || range.EndColumn < 0)
        {
            throw Fail("a GridRange index cannot be negative.");
        }
        if (range.StartRow > range.EndRow || range.StartColumn > range.EndColumn)
        {
            throw Fail("a GridRange's start index must not be after its end index.");
        }
        if (range.EndRow > sheet.RowCount || range.EndColumn > sheet.ColumnCount || range.StartRow >= sheet.RowCount || range.StartColumn >= sheet.ColumnCount)
        {
            var a1 = new A1Range(sheet.Title, range.StartRow ?? 0, range.EndRow ?? sheet.RowCount, range.StartColumn ?? 0, range.EndColumn ?? sheet.ColumnCount);
            throw Fail(SheetRange.ExceedsGrid(sheet, a1).Message);
        }
        return sheet;
    }
}
