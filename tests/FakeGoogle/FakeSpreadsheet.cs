using MonitoramentoBKP.FakeGoogle.Model;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>
/// One spreadsheet held by the fake. Tests read it through snapshots; requests change it under its own lock, each on a
/// copy that replaces the state only when the whole request succeeded, so a refused batch changes nothing.
/// </summary>
public sealed class FakeSpreadsheet
{
    private readonly Lock gate = new();
    private SpreadsheetState state;

    internal FakeSpreadsheet(SpreadsheetState state)
    {
        this.state = state;
        Id = state.Id;
    }

    public string Id { get; }

    public string Title => Read(s => s.Title);

    public IReadOnlyList<string> SheetTitles => Read(s => s.Sheets.Select(sheet => sheet.Title).ToList());

    public IReadOnlyList<FakeSheet> Sheets => Read(s => s.Sheets.Select(sheet => new FakeSheet(sheet)).ToList());

    public bool HasSheet(string title) => Read(s => s.SheetByTitle(title) is not null);

    /// <summary>A snapshot of the sheet with this title (matched as Sheets matches titles, ignoring case).</summary>
    public FakeSheet Sheet(string title) => Read(s => s.SheetByTitle(title) is { } sheet
        ? new FakeSheet(sheet)
        : throw new KeyNotFoundException($"Spreadsheet {Id} has no sheet \"{title}\"; it has: {string.Join(", ", s.Sheets.Select(x => x.Title))}."));

    /// <summary>The values of a sheet as a grid from A1 (string, double, bool; null for an empty cell between values).</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Values(string sheetTitle) => Sheet(sheetTitle).Values;

    internal T Read<T>(Func<SpreadsheetState, T> read)
    {
        lock (gate)
        {
            return read(state);
        }
    }

    /// <summary>Runs <paramref name="change"/> on a copy and keeps it only if it returns; an exception leaves the spreadsheet as it was.</summary>
    internal T Change<T>(Func<SpreadsheetState, T> change)
    {
        lock (gate)
        {
            var copy = state.Clone();
            var result = change(copy);
            state = copy;
            return result;
        }
    }
}
