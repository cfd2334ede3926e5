namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>One tab as it must look: fixed title, columns, and rows of cells (the header row is not among <see cref="Rows"/>).</summary>
public sealed record SheetTab(string Title, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<SheetCell>> Rows)
{
    public const string Status = "Status";
    public const string Alerts = "Alertas";
    public const string History = "Histórico";

    public IReadOnlyList<string> Headers(SheetLanguage language) => Columns.Select(c => language.Say(c.Header)).ToList();
}
