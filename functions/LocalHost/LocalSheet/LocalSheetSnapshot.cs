using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.LocalHost.LocalSheet;

/// <summary>The three tabs at one moment, in the sheet's order (Status, Alertas, Histórico), with the folder their CSV files are in.</summary>
public sealed record LocalSheetSnapshot(SheetLanguage Language, string Folder, IReadOnlyList<LocalSheetTable> Tables)
{
    public LocalSheetTable Table(string title) => Tables.Single(t => t.Title == title);
}
