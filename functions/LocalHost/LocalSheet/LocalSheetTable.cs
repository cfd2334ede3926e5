namespace MonitoramentoBKP.LocalHost.LocalSheet;

/// <summary>One tab of the local sheet as it stands: its title, its header row, the columns' widths in pixels and its rows.</summary>
public sealed record LocalSheetTable(
    string Title,
    IReadOnlyList<string> Headers,
    IReadOnlyList<int> Widths,
    IReadOnlyList<IReadOnlyList<LocalSheetCell>> Rows);
